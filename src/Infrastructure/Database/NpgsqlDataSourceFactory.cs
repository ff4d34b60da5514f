using Npgsql;
using Pgvector.Npgsql;

namespace NakamuraMisaki.Infrastructure.Database;

public static class NpgsqlDataSourceFactory
{
    public const string ApplicationName = "NakamuraMisaki";

    /// <summary>
    /// One data source (one pool) per connection string per process; every DbContext and raw command draws from the
    /// primary's, stale-tolerant reads from the read-only one's. <paramref name="applicationName"/> labels it unless the
    /// connection string does.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString, DatabaseOptions options, string applicationName = ApplicationName)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var csb = builder.ConnectionStringBuilder;
        csb.MaxPoolSize = options.MaxPoolSize;
        csb.MinPoolSize = Math.Min(options.MinPoolSize, options.MaxPoolSize);
        csb.Timeout = options.ConnectionTimeoutSeconds;
        csb.CommandTimeout = options.CommandTimeoutSeconds;
        csb.ConnectionIdleLifetime = options.ConnectionIdleLifetimeSeconds;
        csb.ConnectionPruningInterval = Math.Min(options.ConnectionPruningIntervalSeconds, options.ConnectionIdleLifetimeSeconds);
        csb.ConnectionLifetime = options.ConnectionLifetimeSeconds;
        var transactionPooled = options.Pooler == DatabasePooler.PgBouncerTransaction;
        // A statement prepared on one server connection is unknown on the next PgBouncer hands out.
        csb.MaxAutoPrepare = transactionPooled ? 0 : options.MaxAutoPrepare;
        csb.AutoPrepareMinUsages = 2;
        // The reset would run on whichever server connection PgBouncer picks, outside any transaction of ours.
        csb.NoResetOnClose = transactionPooled || options.NoResetOnClose;
        csb.HostRecheckSeconds = options.HostRecheckSeconds;
        // No ambient System.Transactions: enlisting costs a lookup per open and is never wanted here.
        csb.Enlist = false;
        if (string.IsNullOrEmpty(csb.ApplicationName))
        {
            csb.ApplicationName = applicationName;
        }

        // Labels the pool in metrics and traces (db.client.connection.pool.name) as pg_stat_activity shows it; the
        // default label would be the whole connection string.
        builder.Name = csb.ApplicationName;
        builder.UseVector();
        return builder.Build();
    }
}
