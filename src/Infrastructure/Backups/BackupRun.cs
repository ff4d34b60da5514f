namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>
/// A row of <c>backup_runs</c>: the claim of one backup interval by one instance, and how it ended. Its primary key
/// (the interval's start) is what makes the backup run once per interval however many instances there are.
/// </summary>
public sealed class BackupRun
{
    /// <summary>
    /// A run that succeeded: finished without an error. The newest-success query and its index filter both use this
    /// one predicate (SpecificationSqlTests holds the index to it).
    /// </summary>
    public const string SucceededSql = "error IS NULL AND finished_at IS NOT NULL";

    public DateTimeOffset SlotStart { get; set; }
    public string Instance { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Archive { get; set; }
    public long? ArchiveBytes { get; set; }

    /// <summary>Why it failed; null while running and after a success.</summary>
    public string? Error { get; set; }
}
