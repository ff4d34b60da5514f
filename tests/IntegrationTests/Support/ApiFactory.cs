using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

    private Respawner? _respawner;

    public TestDatabase Database { get; private set; } = null!;
    public TestClock Clock { get; } = new(Epoch);

    /// <summary>The embedding provider of the host: the offline embedder unless a test switches it.</summary>
    public SwitchableEmbeddingGenerator Embeddings { get; } = new();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.StartAsync();
        _ = Services; // builds the host, which applies the migrations
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory"],
        });
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
        Clock.Set(Epoch);
        Embeddings.Reset();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:MinPoolSize", "0");
        // One host serves every test: background jobs would race them, so tests run the passes themselves.
        builder.UseSetting("Embeddings:Backfill:Enabled", "false");
        builder.UseSetting("Sessions:Cleanup:Enabled", "false");
        // Short enough for the hanging-provider test, long enough for the offline embedder on a busy machine.
        builder.UseSetting("Embeddings:TimeoutSeconds", "2");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Embeddings);
        });
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
