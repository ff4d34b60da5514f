namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>What sits between the service and PostgreSQL (Database:Pooler). See docs/scaling.md.</summary>
public enum DatabasePooler
{
    /// <summary>PostgreSQL itself, or PgBouncer in session mode: nothing to turn off.</summary>
    None,

    /// <summary>
    /// PgBouncer in transaction mode: each transaction may run on a different server connection, so nothing may outlive
    /// one. Prepared statements do (PgBouncer 1.18 cannot carry them across), and so would a connection reset.
    /// </summary>
    PgBouncerTransaction,
}
