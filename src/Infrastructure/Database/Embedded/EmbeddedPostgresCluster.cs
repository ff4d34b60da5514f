using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Database.Embedded;

/// <summary>
/// A PostgreSQL cluster this process manages itself: initdb on first use, pg_ctl start on 127.0.0.1, reuse when
/// it is already running, stop on shutdown. The service uses it when no connection string is configured, and the
/// tests use it on a temporary directory. The cluster's password is generated once and kept beside its data.
/// </summary>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly ProcessRunner _runner = new();
    private readonly ILogger _logger;
    private readonly string _bin;
    private readonly string _root;
    private bool _startedHere;
    private bool _durable = true;

    private EmbeddedPostgresCluster(string root, string bin, ILogger logger)
    {
        _root = root;
        _bin = bin;
        _logger = logger;
    }

    public string ConnectionString { get; private set; } = "";
    public int Port { get; private set; }

    /// <summary>The server programs this cluster runs; its client programs (pg_dump, pg_restore) are beside them.</summary>
    public string BinDirectory => _bin;
    private string DataDirectory => Path.Combine(_root, "pgdata");
    private string SocketDirectory => Path.Combine(_root, "run");
    private string LogFile => Path.Combine(_root, "postgres.log");
    private string PasswordFile => Path.Combine(_root, "superuser.password");

    public static async Task<EmbeddedPostgresCluster> StartAsync(
        string root, EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        var cluster = new EmbeddedPostgresCluster(Path.GetFullPath(root), PostgresBinaries.Locate(options.BinDirectory), logger);
        await cluster.StartCoreAsync(options, cancellationToken);
        return cluster;
    }

    private async Task StartCoreAsync(EmbeddedPostgresOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        _durable = options.Durable;
        var password = await EnsureInitializedAsync(cancellationToken);

        Port = ReadRunningPort() ?? 0;
        if (Port == 0 || !await IsRunningAsync(cancellationToken))
        {
            Port = options.Port > 0 ? options.Port : FreeTcpPort();
            await StartServerAsync(options.Durable, cancellationToken);
            _startedHere = true;
        }
        else
        {
            _logger.LogInformation("Reusing the embedded PostgreSQL already running on port {Port} ({Path})", Port, DataDirectory);
        }

        var server = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = Superuser, Password = password, Database = "postgres",
            Pooling = false,
        };
        await EnsureDatabaseAsync(server, options.DatabaseName, cancellationToken);
        server.Database = options.DatabaseName;
        server.Pooling = true;
        ConnectionString = server.ConnectionString;
    }

    private async Task<string> EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            // Never re-create a cluster that holds data: without its password it is the user's call, not ours.
            return File.Exists(PasswordFile)
                ? (await File.ReadAllTextAsync(PasswordFile, cancellationToken)).Trim()
                : throw new InvalidOperationException(
                    $"The embedded cluster in {DataDirectory} has no {PasswordFile}. Restore that file, or delete " +
                    $"{_root} to start over with an empty database.");
        }

        _logger.LogInformation("Creating an embedded PostgreSQL cluster in {Path}", DataDirectory);
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true); // no PG_VERSION: an initdb that never got going
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var initPasswordFile = Path.Combine(_root, ".initdb-password");
        await File.WriteAllTextAsync(initPasswordFile, password, cancellationToken);
        Directory.CreateDirectory(SocketDirectory);
        await _runner.GiveToServiceUserAsync(_root, cancellationToken);
        try
        {
            await RunAsync("initdb", cancellationToken, "-D", DataDirectory, "-U", Superuser, "--pwfile", initPasswordFile,
                "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions");
        }
        finally
        {
            File.Delete(initPasswordFile);
        }

        await File.WriteAllTextAsync(PasswordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return password;
    }

    private async Task StartServerAsync(bool durable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SocketDirectory);
        await _runner.GiveToServiceUserAsync(SocketDirectory, cancellationToken);
        var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -k {SocketDirectory} -c max_connections=300";
        if (!durable)
        {
            // Safe against a server crash (acknowledged commits reach the OS before the answer), not an OS crash.
            settings += " -c fsync=off -c full_page_writes=off";
        }

        _logger.LogInformation("Starting the embedded PostgreSQL on 127.0.0.1:{Port}", Port);
        await RunAsync("pg_ctl", cancellationToken, "start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", settings);
    }

    private async Task EnsureDatabaseAsync(NpgsqlConnectionStringBuilder server, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var quoted = "\"" + database.Replace("\"", "\"\"") + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            _logger.LogInformation("Created database {Database}", database);
        }
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken) =>
        (await _runner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["status", "-D", DataDirectory], cancellationToken)).ExitCode == 0;

    /// <summary>postmaster.pid's fourth line is the port of a running (or crashed) server.</summary>
    private int? ReadRunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, CancellationToken cancellationToken, params string[] arguments)
    {
        var (code, output) = await _runner.RunAsync(Path.Combine(_bin, program), arguments, cancellationToken);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"{program} failed with exit code {code}: {output}. See {LogFile}. " +
                $"The directory must be writable by the '{ProcessRunner.ServiceUser}' user when running as root.");
        }
    }

    /// <summary>Stops the server if this process started it; a server found running belongs to whoever started it.</summary>
    public async Task StopAsync()
    {
        if (!_startedHere)
        {
            return;
        }

        _startedHere = false;
        NpgsqlConnection.ClearAllPools();
        _logger.LogInformation("Stopping the embedded PostgreSQL on port {Port}", Port);
        await _runner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w"], CancellationToken.None);
    }

    /// <summary>Stops the server and deletes the cluster: for throwaway test clusters.</summary>
    public async Task DestroyAsync()
    {
        _startedHere = true;
        await StopAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Stops the server without waiting for clients (a crash, as far as they can tell): for outage tests.</summary>
    public Task KillAsync(CancellationToken cancellationToken = default) =>
        RunAsync("pg_ctl", cancellationToken, "stop", "-D", DataDirectory, "-m", "immediate", "-w");

    /// <summary>Starts the server again on the same port after <see cref="KillAsync"/>.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) => StartServerAsync(_durable, cancellationToken);

    public ValueTask DisposeAsync() => new(StopAsync());
}
