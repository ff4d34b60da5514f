namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>The local PostgreSQL cluster the service manages when no connection string is configured.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>Where the cluster lives; default: .data/postgres under the repository root.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    public string DatabaseName { get; set; } = "nakamura_misaki";

    /// <summary>The PostgreSQL bin directory; default: the newest /usr/lib/postgresql/N/bin, or pg_config's.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>false turns off fsync: commits survive a server crash but not an OS crash. For throwaway test clusters.</summary>
    public bool Durable { get; set; } = true;
}
