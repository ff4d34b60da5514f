using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>What the stand-in Slack received in one call.</summary>
public sealed record SlackStubRequest(string Path, string? Authorization, string? ContentType, string? Channel, string? Text);

/// <summary>How the stand-in answers one call: ok, ok:false with an error code, an HTTP status, or 429 + Retry-After.</summary>
public sealed record SlackStubAnswer(int Status, string? Error = null, int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    public static SlackStubAnswer Ok { get; } = new(StatusCodes.Status200OK);

    public static SlackStubAnswer SlackError(string error) => new(StatusCodes.Status200OK, error);

    public static SlackStubAnswer RateLimited(int retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, "ratelimited", retryAfterSeconds);
}

/// <summary>
/// A real HTTP server on loopback standing in for the Slack Web API: records every call and answers as told
/// (<see cref="AnswerWith"/>), by default {"ok":true}.
/// </summary>
public sealed class SlackStub : IAsyncDisposable
{
    private readonly ConcurrentQueue<SlackStubRequest> _requests = new();
    private Func<SlackStubRequest, SlackStubAnswer> _answer = _ => SlackStubAnswer.Ok;
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<SlackStubRequest> Requests => _requests.ToArray();

    public void AnswerWith(Func<SlackStubRequest, SlackStubAnswer> answer) => Volatile.Write(ref _answer, answer);

    public static async Task<SlackStub> StartAsync()
    {
        var stub = new SlackStub();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        stub._app = builder.Build();
        stub._app.MapPost("/api/{method}", stub.HandleAsync);
        await stub._app.StartAsync();
        var address = stub._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.BaseAddress = new Uri(address.TrimEnd('/') + "/api/");
        return stub;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = new SlackStubRequest(
            context.Request.Path, context.Request.Headers.Authorization.ToString(), context.Request.ContentType,
            body.RootElement.TryGetProperty("channel", out var channel) ? channel.GetString() : null,
            body.RootElement.TryGetProperty("text", out var text) ? text.GetString() : null);
        _requests.Enqueue(request);

        var answer = Volatile.Read(ref _answer)(request);
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsJsonAsync(answer.Error is null
            ? new Dictionary<string, object> { ["ok"] = true, ["channel"] = request.Channel ?? "", ["ts"] = "1.0" }
            : new Dictionary<string, object> { ["ok"] = false, ["error"] = answer.Error });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
