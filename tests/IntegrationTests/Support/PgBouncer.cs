using System.Diagnostics;
using System.Net.Sockets;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// Debian's pgbouncer (scripts/prereqs.sh --test installs it) in front of a test database, on a free loopback port, in the
/// given pool mode, with a server pool smaller than the service's so server connections really are shared between
/// clients. Runs in the foreground as a child of the test process; disposing kills it by its PID.
/// </summary>
internal sealed class PgBouncer : IAsyncDisposable
{
    private const string Program = "/usr/sbin/pgbouncer";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"nakamura-pgbouncer-{Guid.NewGuid():N}");
    private Process? _process;

    private PgBouncer(string serverConnectionString)
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Host = "127.0.0.1", Port = FreePort.Next() }
            .ConnectionString;
    }

    /// <summary>The server's database and credentials, through PgBouncer.</summary>
    public string ConnectionString { get; }

    public static bool IsInstalled => File.Exists(Program);

    public static async Task<PgBouncer> StartAsync(string serverConnectionString, string poolMode = "transaction", int serverPoolSize = 4)
    {
        var bouncer = new PgBouncer(serverConnectionString);
        await bouncer.StartCoreAsync(new NpgsqlConnectionStringBuilder(serverConnectionString), poolMode, serverPoolSize);
        return bouncer;
    }

    private async Task StartCoreAsync(NpgsqlConnectionStringBuilder server, string poolMode, int serverPoolSize)
    {
        Directory.CreateDirectory(_root);
        var port = new NpgsqlConnectionStringBuilder(ConnectionString).Port;
        await File.WriteAllTextAsync(Path.Combine(_root, "userlist.txt"), $"\"{server.Username}\" \"{server.Password}\"\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "pgbouncer.ini"), $"""
            [databases]
            {server.Database} = host={server.Host} port={server.Port} dbname={server.Database}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = scram-sha-256
            auth_file = {_root}/userlist.txt
            pool_mode = {poolMode}
            default_pool_size = {serverPoolSize}
            max_client_conn = 1000
            logfile = {_root}/pgbouncer.log
            """);
        await new ProcessRunner().GiveToServiceUserAsync(_root, CancellationToken.None);

        var start = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        if (ProcessRunner.IsRoot)
        {
            start.ArgumentList.Add("-u"); // PgBouncer refuses to run as root; it drops to this user itself
            start.ArgumentList.Add(ProcessRunner.ServiceUser);
        }

        start.ArgumentList.Add(Path.Combine(_root, "pgbouncer.ini"));
        _process = Process.Start(start) ?? throw new InvalidOperationException("pgbouncer did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPortAsync(port);
    }

    private async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process!.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException e)
            {
                var log = Path.Combine(_root, "pgbouncer.log");
                throw new InvalidOperationException("pgbouncer is not listening: " + (File.Exists(log) ? File.ReadAllText(log) : ""), e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
