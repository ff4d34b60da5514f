using System.Globalization;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Database.Embedded;

/// <summary>
/// The driver of one PostgreSQL server on a directory of this machine (<c>pgdata</c>, its socket directory
/// <c>run</c> and <c>postgres.log</c> under one root): start on 127.0.0.1, stop, kill, destroy. It knows nothing of
/// what is in the cluster: <see cref="ClusterProvisioning"/> makes one, <see cref="EmbeddedPostgresCluster"/> runs
/// the service's, the backup verification makes throwaway ones, and the tests start standbys with it.
/// </summary>
public sealed class PostgresServer(string root, string binDirectory)
{
    private readonly ProcessRunner _runner = new();

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The server programs; the client programs (pg_dump, pg_restore, pg_basebackup) are beside them.</summary>
    public string BinDirectory { get; } = binDirectory;

    public string DataDirectory => Path.Combine(Root, "pgdata");
    public string LogFile => Path.Combine(Root, "postgres.log");
    private string SocketDirectory => Path.Combine(Root, "run");

    /// <summary>Whether initdb (or pg_basebackup) has made a cluster here.</summary>
    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>pg_ctl start on 127.0.0.1:<paramref name="port"/> with <paramref name="settings"/> (<c>name=value</c>).</summary>
    public async Task StartAsync(int port, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SocketDirectory);
        await _runner.GiveToServiceUserAsync(SocketDirectory, cancellationToken);
        var options = string.Join(' ', new[] { $"-p {port}", "-c listen_addresses=127.0.0.1", $"-k {SocketDirectory}" }
            .Concat(settings.Select(setting => $"-c {setting}")));
        await RunAsync("pg_ctl", cancellationToken, "start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options);
    }

    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken) =>
        (await _runner.RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["status", "-D", DataDirectory], cancellationToken)).ExitCode == 0;

    /// <summary>postmaster.pid's fourth line is the port of a running (or crashed) server.</summary>
    public int? RunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    /// <summary>pg_ctl stop -m fast: clients are disconnected, the server shuts down cleanly.</summary>
    public async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _runner.RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w"], CancellationToken.None);
    }

    /// <summary>pg_ctl stop -m immediate: a crash, as far as clients can tell (outage tests, throwaway clusters).</summary>
    public Task KillAsync(CancellationToken cancellationToken = default) =>
        RunAsync("pg_ctl", cancellationToken, "stop", "-D", DataDirectory, "-m", "immediate", "-w");

    /// <summary>
    /// Stops a server still running here (immediately: nothing in it is kept) and deletes the directory. Safe to call
    /// on a half-made or already removed one.
    /// </summary>
    public async Task DestroyAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            NpgsqlConnection.ClearAllPools();
            await _runner.RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "immediate", "-w"],
                CancellationToken.None);
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>Runs one of the PostgreSQL programs (as the service user when this process is root); throws on failure.</summary>
    public async Task RunAsync(string program, CancellationToken cancellationToken, params string[] arguments)
    {
        var (code, output) = await _runner.RunAsync(Path.Combine(BinDirectory, program), arguments, cancellationToken);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"{program} failed with exit code {code}: {output}. See {LogFile}. " +
                $"The directory must be writable by the '{ProcessRunner.ServiceUser}' user when running as root.");
        }
    }

    /// <summary>Hands the root to the service user, so the server can write there (as root).</summary>
    public Task GiveToServiceUserAsync(CancellationToken cancellationToken) => _runner.GiveToServiceUserAsync(Root, cancellationToken);
}
