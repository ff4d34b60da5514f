using NakamuraMisaki.Infrastructure.Database.Embedded;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// A hot standby of a throwaway cluster, made as an operator makes one: pg_basebackup -R (streaming replication from
/// the primary), started on its own loopback port, with the primary's max_connections (a standby may not have fewer). <see cref="MakeSynchronousAsync"/> makes the primary wait for it at
/// every commit, so a write acknowledged by the primary is on the standby too. Disposing stops and removes it.
/// </summary>
internal sealed class StreamingStandby : IAsyncDisposable
{
    private readonly ProcessRunner _runner = new();
    private readonly string _bin = PostgresBinaries.Locate(null);
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"nakamura-standby-{Guid.NewGuid():N}");
    private readonly string _primaryConnectionString;

    private StreamingStandby(string primaryConnectionString)
    {
        _primaryConnectionString = primaryConnectionString;
        Port = FreePort.Next();
    }

    public int Port { get; }

    /// <summary>The same database and credentials as the primary's, on the standby.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_primaryConnectionString) { Port = Port }.ConnectionString;

    private string DataDirectory => Path.Combine(_root, "pgdata");

    /// <summary>Picks the standby's port; <see cref="StartAsync"/> makes and starts it.</summary>
    public static StreamingStandby Of(string primaryConnectionString) => new(primaryConnectionString);

    public async Task StartAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "run"));
        await _runner.GiveToServiceUserAsync(_root, CancellationToken.None);
        var primary = new NpgsqlConnectionStringBuilder(_primaryConnectionString);
        await RunAsync("pg_basebackup", "-D", DataDirectory, "-R", "-X", "stream", "-c", "fast",
            "-d", $"host={primary.Host} port={primary.Port} user={primary.Username} password={primary.Password}");
        await RunAsync("pg_ctl", "start", "-D", DataDirectory, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -c max_connections=300 -c listen_addresses=127.0.0.1 -k {Path.Combine(_root, "run")} -c fsync=off -c full_page_writes=off");
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
    public Task PromoteAsync() => RunAsync("pg_ctl", "promote", "-D", DataDirectory, "-w", "-t", "60");

    private async Task RunAsync(string program, params string[] arguments)
    {
        var (code, output) = await _runner.RunAsync(Path.Combine(_bin, program), arguments, CancellationToken.None);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} failed ({code}): {output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Directory.Exists(_root))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await _runner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "immediate", "-w"],
            CancellationToken.None);
        Directory.Delete(_root, recursive: true);
    }
}
