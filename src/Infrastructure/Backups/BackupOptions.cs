namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>The "Backup" configuration section (env: Backup__Interval=1.00:00:00).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Run the scheduled backup job. Unset: on for the embedded default cluster, off for a configured server.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Where archives and manifests go. Unset: .data/backups beside the embedded cluster.</summary>
    public string? Directory { get; set; }

    /// <summary>Time between two scheduled backups.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many scheduled backups are kept: after a successful one, older ones beyond this are deleted.</summary>
    public int RetentionCount { get; set; } = 7;

    /// <summary>Restore each scheduled backup into a throwaway cluster and check it (backup verify).</summary>
    public bool VerifyAfterBackup { get; set; } = true;

    /// <summary>pg_dump/pg_restore's directory. Unset: /usr/lib/postgresql/&lt;server major&gt;/bin.</summary>
    public string? ClientBinDirectory { get; set; }
}
