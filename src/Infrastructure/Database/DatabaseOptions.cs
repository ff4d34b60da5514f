namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// The "Database" configuration section (env: Database__MaxPoolSize=…). These govern the Npgsql pool whatever the
/// connection string says, so one place documents them (README, .env.example).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Default";

    public int MaxPoolSize { get; set; } = 100;
    public int MinPoolSize { get; set; } = 10;

    /// <summary>Seconds to open a connection, including waiting for a free one from a busy pool.</summary>
    public int ConnectionTimeoutSeconds { get; set; } = 15;
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds an idle connection above the minimum stays in the pool.</summary>
    public int ConnectionIdleLifetimeSeconds { get; set; } = 300;

    /// <summary>How often the pool looks for idle connections to close; at most ConnectionIdleLifetimeSeconds.</summary>
    public int ConnectionPruningIntervalSeconds { get; set; } = 10;

    /// <summary>Seconds after which a connection is replaced (0 = never); lets a fail-over or DNS change take effect.</summary>
    public int ConnectionLifetimeSeconds { get; set; } = 3600;

    /// <summary>Statements prepared automatically per connection; hot queries skip parse/plan.</summary>
    public int MaxAutoPrepare { get; set; } = 64;

    public int MaxRetryCount { get; set; } = 3;

    /// <summary>
    /// With several hosts (Host=a,b), how long Npgsql trusts what it learnt of each (offline, primary, standby). Npgsql's
    /// default, 10 s, means 10 s of 503s after a standby is promoted, because it is still remembered as a standby. 2 s
    /// costs one role query per host every 2 s under load, and a connection attempt to a dead host as often.
    /// </summary>
    public int HostRecheckSeconds { get; set; } = 2;

    /// <summary>
    /// Return connections to the pool as they are, without Npgsql's reset (RESET ALL, DISCARD TEMP, … seven statements
    /// the server runs before the next command on that connection; a third of PostgreSQL's CPU for a read by id).
    /// Safe while the service keeps no session state: no session-level SET (use SET LOCAL in a transaction), LISTEN,
    /// temporary tables or session advisory locks. An open transaction is still rolled back on return.
    /// </summary>
    public bool NoResetOnClose { get; set; } = true;

    /// <summary>
    /// PgBouncerTransaction turns off what transaction pooling breaks: automatic preparation (MaxAutoPrepare is then 0)
    /// and the connection reset (NoResetOnClose is then true). The code keeps no other session state.
    /// </summary>
    public DatabasePooler Pooler { get; set; } = DatabasePooler.None;

    /// <summary>Apply pending migrations when the service starts. Always on for the embedded cluster.</summary>
    public bool MigrateOnStartup { get; set; }

    public EmbeddedPostgresOptions Embedded { get; set; } = new();
}
