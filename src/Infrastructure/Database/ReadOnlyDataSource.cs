using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Persistence;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// The optional read connection (ConnectionStrings:ReadOnly, e.g. standbys with Target Session Attributes=prefer-standby
/// and Load Balance Hosts=true): its own pool, and its own pool of untracked contexts. Unset, there is none and every
/// read goes to the primary. Only reads that tolerate a little staleness use it (<see cref="StaleTolerantReads"/>).
/// </summary>
public sealed class ReadOnlyDataSource : IAsyncDisposable
{
    public const string ConnectionStringName = "ReadOnly";

    private readonly PooledDbContextFactory<AppDbContext>? _contexts;

    public ReadOnlyDataSource(IConfiguration configuration, IOptions<DatabaseOptions> options, ILoggerFactory loggers)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        DataSource = NpgsqlDataSourceFactory.Create(connectionString, options.Value, NpgsqlDataSourceFactory.ApplicationName + "-read");
        var contextOptions = new DbContextOptionsBuilder<AppDbContext>()
            .UseLoggerFactory(loggers)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        DependencyInjection.ConfigureDbContext(contextOptions, DataSource, options.Value.MaxRetryCount);
        _contexts = new PooledDbContextFactory<AppDbContext>(contextOptions.Options);
    }

    /// <summary>Null when no read connection is configured.</summary>
    public NpgsqlDataSource? DataSource { get; }

    internal AppDbContext? CreateContext() => _contexts?.CreateDbContext();

    public ValueTask DisposeAsync() => DataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
