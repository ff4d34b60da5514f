using Microsoft.Extensions.Logging.Abstractions;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// The PostgreSQL the tests run against: TEST_DATABASE_URL when set, otherwise a throwaway cluster (the service's
/// own embedded component on a temporary directory, fsync off) that is removed when the run ends.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgresCluster? _cluster;

    private TestDatabase(string connectionString, EmbeddedPostgresCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    public string ConnectionString { get; }

    public EmbeddedPostgresCluster? Cluster => _cluster;

    public static async Task<TestDatabase> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("TEST_DATABASE_URL");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new TestDatabase(external, null);
        }

        var root = Path.Combine(Path.GetTempPath(), $"nakamura-test-{Guid.NewGuid():N}");
        var cluster = await EmbeddedPostgresCluster.StartAsync(
            root, new EmbeddedPostgresOptions { Durable = false, DatabaseName = "nakamura_test" }, NullLogger.Instance);
        return new TestDatabase(cluster.ConnectionString, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DestroyAsync();
        }
    }
}
