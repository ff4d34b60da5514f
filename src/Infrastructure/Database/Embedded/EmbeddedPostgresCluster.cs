using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Database.Embedded;

/// <summary>
/// A PostgreSQL cluster this process manages itself: provisioned on first use (<see cref="ClusterProvisioning"/>),
/// started on 127.0.0.1 (<see cref="PostgresServer"/>), reused when it is already running, stopped on shutdown. The
/// service uses it when no connection string is configured, and the tests and benchmarks on a temporary directory.
/// </summary>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    private readonly ILogger _logger;
    private bool _startedHere;
    private bool _durable = true;

    private EmbeddedPostgresCluster(PostgresServer server, ILogger logger)
    {
        Server = server;
        _logger = logger;
    }

    /// <summary>The driver of this cluster's server.</summary>
    public PostgresServer Server { get; }

    public string ConnectionString { get; private set; } = "";
    public int Port { get; private set; }

    /// <summary>The server programs this cluster runs; its client programs (pg_dump, pg_restore) are beside them.</summary>
    public string BinDirectory => Server.BinDirectory;

    public static Task<EmbeddedPostgresCluster> StartAsync(
        string root, EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default) =>
        StartAsync(new PostgresServer(root, PostgresBinaries.Locate(options.BinDirectory)), options, logger, cancellationToken);

    /// <summary>Provisions <paramref name="server"/>'s directory if it is new, and starts (or reuses) its server.</summary>
    public static async Task<EmbeddedPostgresCluster> StartAsync(
        PostgresServer server, EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        var cluster = new EmbeddedPostgresCluster(server, logger);
        await cluster.StartCoreAsync(options, cancellationToken);
        return cluster;
    }

    private async Task StartCoreAsync(EmbeddedPostgresOptions options, CancellationToken cancellationToken)
    {
        _durable = options.Durable;
        var password = await ClusterProvisioning.EnsureInitializedAsync(Server, _logger, cancellationToken);

        Port = Server.RunningPort() ?? 0;
        if (Port == 0 || !await Server.IsRunningAsync(cancellationToken))
        {
            Port = options.Port > 0 ? options.Port : FreeTcpPort();
            _logger.LogInformation("Starting the embedded PostgreSQL on 127.0.0.1:{Port}", Port);
            await Server.StartAsync(Port, ClusterProvisioning.ServerSettings(_durable), cancellationToken);
            _startedHere = true;
        }
        else
        {
            _logger.LogInformation("Reusing the embedded PostgreSQL already running on port {Port} ({Path})", Port, Server.DataDirectory);
        }

        var server = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = ClusterProvisioning.Superuser, Password = password,
            Database = "postgres", Pooling = false,
        };
        await ClusterProvisioning.EnsureDatabaseAsync(server, options.DatabaseName, _logger, cancellationToken);
        server.Database = options.DatabaseName;
        server.Pooling = true;
        ConnectionString = server.ConnectionString;
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server if this process started it; a server found running belongs to whoever started it.</summary>
    public async Task StopAsync()
    {
        if (!_startedHere)
        {
            return;
        }

        _startedHere = false;
        _logger.LogInformation("Stopping the embedded PostgreSQL on port {Port}", Port);
        await Server.StopAsync();
    }

    /// <summary>Stops the server and deletes the cluster: for throwaway clusters.</summary>
    public async Task DestroyAsync()
    {
        _startedHere = false;
        await Server.DestroyAsync();
    }

    /// <summary>Stops the server without waiting for clients (a crash, as far as they can tell): for outage tests.</summary>
    public Task KillAsync(CancellationToken cancellationToken = default) => Server.KillAsync(cancellationToken);

    /// <summary>Starts the server again on the same port after <see cref="KillAsync"/>.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) =>
        Server.StartAsync(Port, ClusterProvisioning.ServerSettings(_durable), cancellationToken);

    public ValueTask DisposeAsync() => new(StopAsync());
}
