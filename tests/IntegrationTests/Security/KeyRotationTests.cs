using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using NakamuraMisaki.IntegrationTests.Observability;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Security;

/// <summary>Keys change without a restart: a client holds two keys while it switches, and a removed key stops working.</summary>
public sealed class KeyRotationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string OldKey = "bot-key-2026-06";
    private const string NewKey = "bot-key-2026-07";
    private const string Scopes = "tasks:read tasks:write";

    [Fact]
    public async Task Rotating_a_key_while_requests_flow_fails_no_request_with_the_new_key_and_refuses_the_old_one()
    {
        Factory.Keys.Set(("slack-bot", OldKey, Scopes));
        using var bot = Factory.CreateClientWithKey(OldKey);
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync(TaskRequests.Route)).StatusCode);

        // The client holds both keys while it switches; requests with the new one flow while the configuration changes.
        Factory.Keys.Set(("slack-bot", OldKey, Scopes), ("slack-bot", NewKey, Scopes));
        using var stop = new CancellationTokenSource();
        var answers = new ConcurrentBag<HttpStatusCode>();
        var flowing = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var client = Factory.CreateClientWithKey(NewKey);
            while (!stop.IsCancellationRequested)
            {
                answers.Add((await client.GetAsync(TaskRequests.Route)).StatusCode);
            }
        })).ToArray();
        for (var i = 0; i < 50; i++)
        {
            // Unrelated keys come and go, and finally the old key is removed: every change replaces the whole set.
            Factory.Keys.Set(("slack-bot", NewKey, Scopes), ("other", $"other-{i}", "notes:read"));
            await Task.Delay(5);
        }

        Factory.Keys.Set(("slack-bot", NewKey, Scopes));
        var oldRefused = (await bot.GetAsync(TaskRequests.Route)).StatusCode;
        await stop.CancelAsync();
        await Task.WhenAll(flowing);

        Assert.NotEmpty(answers);
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.Unauthorized, oldRefused);
    }

    [Fact]
    public async Task A_change_the_validator_refuses_leaves_the_keys_in_force()
    {
        Factory.Keys.Set(("slack-bot", NewKey, Scopes));

        Assert.ThrowsAny<Exception>(() => Factory.Keys.SetRaw("Auth:ApiKeys:11:Scopes", "tasks:delete-everything"));

        using var bot = Factory.CreateClientWithKey(NewKey);
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync(TaskRequests.Route)).StatusCode);
    }

    [Fact]
    public async Task A_key_removed_from_the_watched_keys_file_is_refused_within_seconds_on_every_instance()
    {
        var file = Path.Combine(Path.GetTempPath(), $"nakamura-keys-{Guid.NewGuid():N}.json");
        await WriteKeysFileAsync(file, OldKey, NewKey);
        var instances = Enumerable.Range(0, 2)
            .Select(_ => Factory.WithWebHostBuilder(b => b.UseSetting("Auth:KeysFile", file))).ToArray();
        try
        {
            foreach (var instance in instances)
            {
                using var old = ClientOf(instance, OldKey);
                Assert.Equal(HttpStatusCode.OK, (await old.GetAsync(TaskRequests.Route)).StatusCode);
            }

            await WriteKeysFileAsync(file, NewKey);

            foreach (var instance in instances)
            {
                using var old = ClientOf(instance, OldKey);
                using var current = ClientOf(instance, NewKey);
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while ((await old.GetAsync(TaskRequests.Route)).StatusCode != HttpStatusCode.Unauthorized)
                {
                    Assert.True(DateTime.UtcNow < deadline, "The removed key was still accepted after 10 s");
                    await Task.Delay(100);
                }

                Assert.Equal(HttpStatusCode.OK, (await current.GetAsync(TaskRequests.Route)).StatusCode);
            }
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            File.Delete(file);
        }
    }

    [Fact]
    public async Task Each_keys_last_use_is_a_metric_that_names_the_client_and_a_fingerprint_never_the_key()
    {
        Factory.Keys.Set(("slack-bot", NewKey, Scopes));
        using var bot = Factory.CreateClientWithKey(NewKey);
        await bot.GetAsync(TaskRequests.Route);

        using var anonymous = Factory.CreateAnonymousClient();
        var text = await anonymous.GetStringAsync("/metrics");
        var scrape = new PrometheusScrape(text);

        var fingerprint = NakamuraMisaki.Api.Security.ApiKeyStore.Hash(NewKey)[..8];
        var lastUsed = scrape.Values("nakamura_misaki_auth_key_last_used_seconds", ("client", "slack-bot"), ("key_id", fingerprint));
        Assert.True(lastUsed.Length == 1 && (long)lastUsed[0] == ApiFactory.Epoch.ToUnixTimeSeconds(), $"key {fingerprint}: " +
            string.Join('\n', text.Split('\n').Where(l => l.Contains("key_last_used", StringComparison.Ordinal))));
        Assert.DoesNotContain(NewKey, text);
        Assert.DoesNotContain(NakamuraMisaki.Api.Security.ApiKeyStore.Hash(NewKey), text);
    }

    private static HttpClient ClientOf(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> instance, string key)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        client.DefaultRequestHeaders.Remove("X-Slack-User-Id");
        client.DefaultRequestHeaders.Add("X-Slack-User-Id", ApiFactory.DefaultActingUser);
        return client;
    }

    /// <summary>Keys from index 20 on: the factory's own keys (0, 1) stay as they are.</summary>
    private static Task WriteKeysFileAsync(string path, params string[] keys) =>
        File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(new
        {
            Auth = new
            {
                ApiKeys = keys.Select((k, i) => (i, k)).ToDictionary(
                    e => (20 + e.i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    e => new { Client = "slack-bot", Sha256 = NakamuraMisaki.Api.Security.ApiKeyStore.Hash(e.k), Scopes }),
            },
        }));
}
