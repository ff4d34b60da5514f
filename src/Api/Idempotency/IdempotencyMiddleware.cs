using Microsoft.Extensions.Primitives;
using NakamuraMisaki.Api.ErrorHandling;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Idempotency;

namespace NakamuraMisaki.Api.Idempotency;

/// <summary>
/// Runs a marked create with an Idempotency-Key at most once per key (README "Safe retries: Idempotency-Key"). The
/// endpoint's response is buffered: a success (2xx) is stored with the key in the create's own transaction, then sent;
/// anything else rolls back the claim with the create, so the key stays free for a corrected retry.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IUser user)
{
    /// <remarks>
    /// Every other request passes straight through without an await or a service resolved: the store rents a
    /// DbContext, which a GET would otherwise pay for (and return) on each request for nothing.
    /// </remarks>
    public Task InvokeAsync(HttpContext context) =>
        context.GetEndpoint()?.AcceptsIdempotencyKey() == true
        && context.Request.Headers.TryGetValue(IdempotencyKeyHeader.Name, out var header)
            ? RunOnceAsync(context, header)
            : next(context);

    private async Task RunOnceAsync(HttpContext context, StringValues header)
    {
        var store = context.RequestServices.GetRequiredService<IIdempotencyStore>();
        if (!IdempotencyKeyHeader.TryParse(header, out var value, out var error))
        {
            await Problems.WriteAsync(context, Problems.Validation(IdempotencyKeyHeader.Name, error));
            return;
        }

        // The client is the authenticated API key's name (authorization ran before this middleware).
        var key = new IdempotencyKey(
            context.User.Identity?.Name ?? "", user.Id ?? "", value, $"{context.Request.Method} {context.Request.Path}");
        var hash = await CanonicalRequest.HashAsync(context.Request, context.RequestAborted);
        var response = context.Response;
        var wire = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        IdempotencyOutcome outcome;
        try
        {
            outcome = await store.ExecuteOnceAsync(key, hash, async _ =>
            {
                // A second attempt (the connection dropped before commit) starts from a clean slate.
                buffer.SetLength(0);
                context.Request.Body.Position = 0;
                response.Headers.Location = default;
                response.Headers.ETag = default;
                await next(context);
                return response.StatusCode is >= 200 and < 300 ? Captured(response, buffer) : null;
            }, context.RequestAborted);
        }
        finally
        {
            response.Body = wire;
        }

        switch (outcome)
        {
            case IdempotencyOutcome.Executed:
                buffer.Position = 0;
                await buffer.CopyToAsync(wire, context.RequestAborted);
                break;
            case IdempotencyOutcome.Replayed replayed:
                await ReplayAsync(response, replayed.Response, context.RequestAborted);
                break;
            case IdempotencyOutcome.KeyReused:
                await Problems.WriteAsync(context, Problems.Of(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    $"{IdempotencyKeyHeader.Name} '{value}' was already used for a different request " +
                    "(method, path or body); use a new key for a new request."));
                break;
        }
    }

    private static StoredResponse Captured(HttpResponse response, MemoryStream buffer) =>
        new(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null, buffer.ToArray());

    private static async Task ReplayAsync(HttpResponse response, StoredResponse stored, CancellationToken cancellationToken)
    {
        response.Clear();
        response.StatusCode = stored.StatusCode;
        response.ContentType = stored.ContentType;
        response.Headers.Location = stored.Location;
        response.Headers.ETag = stored.ETag;
        response.Headers[IdempotencyKeyHeader.ReplayedHeader] = "true";
        response.ContentLength = stored.Body.Length;
        await response.Body.WriteAsync(stored.Body, cancellationToken);
    }
}

internal static class IdempotencyMiddlewareExtensions
{
    /// <summary>After authorization: the key belongs to the authenticated API client.</summary>
    public static void UseIdempotentCreates(this WebApplication app) => app.UseMiddleware<IdempotencyMiddleware>();
}
