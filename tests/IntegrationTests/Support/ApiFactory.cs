using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NakamuraMisaki.Infrastructure.Embeddings;
using Npgsql;
using Respawn;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// The API in-process over the test database, with a controllable clock. One instance serves the whole run
/// (see <see cref="ApiCollection"/>); <see cref="ResetAsync"/> empties every table but the migrations history.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Where the test clock starts after each reset: 12:00 in Tokyo.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);

    /// <summary>The API key every client from this factory sends; its SHA-256 is what the service is configured with.</summary>
    public const string ApiKey = "test-key-7c0ffee";
    public const string ApiClient = "tests";

    /// <summary>A second API client, for what must differ between clients (Idempotency-Keys).</summary>
    public const string OtherApiKey = "test-key-0the7";

    /// <summary>Whom factory clients act for (X-Slack-User-Id) unless a request says otherwise.</summary>
    public const string DefaultActingUser = "U0ALICE01";

    private readonly IReadOnlyDictionary<string, string> _settings;
    private Respawner? _respawner;

    /// <summary>The shared instance: its own throwaway database, started by <see cref="InitializeAsync"/>.</summary>
    public ApiFactory()
        : this(null, new Dictionary<string, string>())
    {
    }

    private ApiFactory(TestDatabase? database, IReadOnlyDictionary<string, string> settings)
    {
        Database = database!;
        _settings = settings;
    }

    public TestDatabase Database { get; private set; }

    /// <summary>
    /// A separate host, for tests that stop the database or change pool settings; <paramref name="database"/> null means
    /// a new throwaway one. Disposing it (IAsyncLifetime) removes the database.
    /// </summary>
    public static ApiFactory Separate(TestDatabase? database, IReadOnlyDictionary<string, string>? settings = null) =>
        new(database, settings ?? new Dictionary<string, string>());
    public TestClock Clock { get; } = new(Epoch);

    /// <summary>API keys a test adds, changes or removes while the host runs (emptied by <see cref="ResetAsync"/>).</summary>
    public RotatableKeys Keys { get; } = new();

    /// <summary>The embedding provider of the host: the offline embedder unless a test switches it.</summary>
    public SwitchableEmbeddingGenerator Embeddings { get; } = new();

    public async Task InitializeAsync()
    {
        Database ??= await TestDatabase.StartAsync();
        await WaitUntilReadyAsync(); // the host migrates in the background (Database:MigrateOnStartup)
        var breaker = Services.GetRequiredService<EmbeddingCircuitBreaker>();
        Embeddings.Recovered = breaker.Reset;
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory"],
        });
    }

    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var client = CreateAnonymousClient();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Not ready: " + await response.Content.ReadAsStringAsync());
            }

            await Task.Delay(200);
        }
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
        Clock.Set(Epoch);
        Embeddings.Reset();
        Keys.Clear();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As strict as Development: a registration that cannot be built fails the tests, not the first `run.sh`.
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:MinPoolSize", "0");
        // One host serves every test: background jobs would race them, so tests run the passes themselves.
        builder.UseSetting("Embeddings:Backfill:Enabled", "false");
        builder.UseSetting("Sessions:Cleanup:Enabled", "false");
        builder.UseSetting("Embeddings:Index:Enabled", "false"); // index tests send EnsureNoteVectorIndex themselves
        // Short enough for the hanging-provider test, long enough for the offline embedder on a loaded 2-core machine.
        builder.UseSetting("Embeddings:TimeoutSeconds", "5");
        // One host serves every test: a reminder job on a timer would send during unrelated tests. Reminder tests
        // build their own dispatchers (see ReminderHosts).
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("Auth:ApiKeys:0:Client", ApiClient);
        builder.UseSetting("Auth:ApiKeys:0:Sha256", Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ApiKey))));
        builder.UseSetting("Auth:ApiKeys:1:Client", "tests-other");
        builder.UseSetting("Auth:ApiKeys:1:Sha256", Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(OtherApiKey))));
        // Tests run the Idempotency-Key clean-up pass themselves, with the test clock.
        builder.UseSetting("Idempotency:CleanupEnabled", "false");
        // The audit jobs would write rows under tests that compare fingerprints; tests send their commands themselves.
        builder.UseSetting("Audit:RetentionEnabled", "false");
        builder.UseSetting("Audit:RefusalsEnabled", "false");
        // High enough that no functional test meets it; the rate-limit tests lower it on their own host.
        builder.UseSetting("RateLimiting:PermitsPerSecond", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(configuration => configuration.Add(Keys));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Embeddings);
        });
    }

    /// <summary>A client that sends no API key (factory clients always do).</summary>
    public HttpClient CreateAnonymousClient() => Server.CreateClient();

    /// <summary>A client that sends <paramref name="key"/> and acts for <see cref="DefaultActingUser"/>.</summary>
    public HttpClient CreateClientWithKey(string key)
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        client.DefaultRequestHeaders.Add("X-Slack-User-Id", DefaultActingUser);
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        client.DefaultRequestHeaders.Add("X-Slack-User-Id", DefaultActingUser);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
