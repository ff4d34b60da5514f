using NakamuraMisaki.Infrastructure.Database.Embedded;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// A hot standby of a throwaway cluster, made as an operator makes one: pg_basebackup -R (streaming replication from
/// the primary), started on its own loopback port, with the primary's max_connections (a standby may not have fewer). <see cref="MakeSynchronousAsync"/> makes the primary wait for it at
/// every commit, so a write acknowledged by the primary is on the standby too. Disposing stops and removes it. The
/// server is driven by the service's own <see cref="PostgresServer"/>.
/// </summary>
internal sealed class StreamingStandby : IAsyncDisposable
{
    private readonly PostgresServer _server = new(
        Path.Combine(Path.GetTempPath(), $"nakamura-standby-{Guid.NewGuid():N}"), PostgresBinaries.Locate(null));
    private readonly string _primaryConnectionString;

    private StreamingStandby(string primaryConnectionString)
    {
        _primaryConnectionString = primaryConnectionString;
        Port = FreePort.Next();
    }

    public int Port { get; }

    /// <summary>The same database and credentials as the primary's, on the standby.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_primaryConnectionString) { Port = Port }.ConnectionString;

    /// <summary>Picks the standby's port; <see cref="StartAsync"/> makes and starts it.</summary>
    public static StreamingStandby Of(string primaryConnectionString) => new(primaryConnectionString);

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_server.Root);
        await _server.GiveToServiceUserAsync(CancellationToken.None);
        var primary = new NpgsqlConnectionStringBuilder(_primaryConnectionString);
        await _server.RunAsync("pg_basebackup", CancellationToken.None, "-D", _server.DataDirectory, "-R", "-X", "stream",
            "-c", "fast", "-d", $"host={primary.Host} port={primary.Port} user={primary.Username} password={primary.Password}");
        await _server.StartAsync(Port, ClusterProvisioning.ServerSettings(durable: false), CancellationToken.None);
    }

    /// <summary>
    /// synchronous_standby_names on the primary, set after the base backup so the standby does not inherit it (once
    /// promoted, it would wait for a standby it does not have); returns when the standby streams synchronously.
    /// </summary>
    public async Task MakeSynchronousAsync()
    {
        await using var connection = new NpgsqlConnection(_primaryConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using (var alter = new NpgsqlCommand("ALTER SYSTEM SET synchronous_standby_names = '*'", connection))
        {
            await alter.ExecuteNonQueryAsync();
        }

        await using (var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection))
        {
            await reload.ExecuteNonQueryAsync();
        }

        await using var state = new NpgsqlCommand("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'", connection);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await state.ExecuteScalarAsync())! == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The standby did not become synchronous.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>pg_ctl promote: the standby stops replaying and accepts writes.</summary>
    public Task PromoteAsync() =>
        _server.RunAsync("pg_ctl", CancellationToken.None, "promote", "-D", _server.DataDirectory, "-w", "-t", "60");

    public async ValueTask DisposeAsync() => await _server.DestroyAsync();
}
