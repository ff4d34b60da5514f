using System.Net;
using System.Net.Sockets;
using NakamuraMisaki.Infrastructure.Database;
using Npgsql;

namespace NakamuraMisaki.UnitTests.Infrastructure;

public sealed class DatabaseUnavailabilityTests
{
    [Fact]
    public async Task A_multi_host_source_with_no_reachable_primary_is_unavailable_both_before_and_after_it_caches_the_hosts()
    {
        await using var dataSource = NpgsqlDataSource.Create(
            $"Host=127.0.0.1:{ClosedPort()},127.0.0.1:{ClosedPort()};Username=u;Password=p;Target Session Attributes=primary;Timeout=2");

        // First open: each host refuses ("Unable to connect to a suitable host", an AggregateException inside).
        var first = await Assert.ThrowsAnyAsync<NpgsqlException>(() => dataSource.OpenConnectionAsync().AsTask());
        // Then, while Npgsql remembers both as offline: "No suitable host was found", no inner exception, not transient.
        var cached = await Assert.ThrowsAnyAsync<NpgsqlException>(() => dataSource.OpenConnectionAsync().AsTask());

        Assert.False(cached.IsTransient);
        Assert.Null(cached.InnerException);
        Assert.True(DatabaseUnavailability.Explains(first));
        Assert.True(DatabaseUnavailability.Explains(cached));
        Assert.Contains("no primary", DatabaseUnavailability.Reason(cached), StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_refused_by_a_read_only_server_is_unavailable_but_a_constraint_violation_is_not()
    {
        Assert.True(DatabaseUnavailability.Explains(Postgres(PostgresErrorCodes.ReadOnlySqlTransaction)));
        Assert.True(DatabaseUnavailability.Explains(Postgres(PostgresErrorCodes.AdminShutdown)));
        Assert.False(DatabaseUnavailability.Explains(new InvalidOperationException("x", Postgres(PostgresErrorCodes.UniqueViolation))));
        Assert.False(DatabaseUnavailability.Explains(new NpgsqlException("protocol error")));
    }

    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
