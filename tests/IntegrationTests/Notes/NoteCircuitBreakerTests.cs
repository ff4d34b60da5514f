using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>
/// While the embedding provider is down, searches answer by text at once instead of each waiting for it. Each test
/// runs its own host, so its breaker starts closed and its logs are its own.
/// </summary>
public sealed class NoteCircuitBreakerTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task During_an_outage_the_second_search_does_not_wait_for_a_hanging_provider()
    {
        var logs = new CapturedLogs();
        await using var host = Host(logs, breakSeconds: 300);
        using var client = host.CreateClient();
        await client.SaveNoteAsync("障害対応の手順書を更新した");
        Factory.Embeddings.Hang();

        var first = Stopwatch.StartNew();
        Assert.Equal("text", (await client.SearchAsync("手順書")).Mode());
        first.Stop();
        var calls = Factory.Embeddings.Calls;
        var second = Stopwatch.StartNew();
        var found = await client.SearchAsync("手順書");
        second.Stop();

        Assert.True(first.Elapsed >= TimeSpan.FromSeconds(4.5), $"first {first.Elapsed}"); // Embeddings:TimeoutSeconds = 5
        Assert.True(second.Elapsed < TimeSpan.FromSeconds(2), $"second {second.Elapsed}");
        Assert.Equal(calls, Factory.Embeddings.Calls); // the provider was not called again
        Assert.Equal("text", found.Mode());
        Assert.Equal(["障害対応の手順書を更新した"], found.Contents());
    }

    [Fact]
    public async Task An_outage_is_one_warning_without_a_stack_trace_and_the_half_open_probe_ends_it()
    {
        var logs = new CapturedLogs();
        await using var host = Host(logs, breakSeconds: 1);
        using var client = host.CreateClient();
        await client.SaveNoteAsync("障害対応の手順書を更新した");
        Factory.Embeddings.Fail();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("text", (await client.SearchAsync("手順書")).Mode());
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal("text", (await client.SearchAsync("手順書")).Mode()); // the probe fails: the same outage
        Factory.Embeddings.Reset(); // the provider is back (this host's breaker is not told)
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal("hybrid", (await client.SearchAsync("手順書")).Mode()); // the probe succeeds

        var warnings = logs.Entries.Where(e => e.Level >= LogLevel.Warning && e.Category.Contains("Embedding", StringComparison.Ordinal)).ToArray();
        var warning = Assert.Single(warnings);
        Assert.Contains("unavailable", warning.Message);
        Assert.DoesNotContain("   at ", warning.Message);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("answers again", StringComparison.Ordinal));
    }

    private WebApplicationFactoryHost Host(CapturedLogs logs, int breakSeconds) => new(Factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Embeddings:CircuitBreaker:BreakSeconds", breakSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(logs)));
    }));

    /// <summary>A derived host, disposed with the test.</summary>
    private sealed class WebApplicationFactoryHost(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory) : IAsyncDisposable
    {
        public HttpClient CreateClient()
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.ApiKey);
            return client;
        }

        public ValueTask DisposeAsync() => factory.DisposeAsync();
    }
}
