namespace NakamuraMisaki.Application.Backups;

/// <summary>
/// Which instance backs up in which interval. A slot (the interval's start) is claimed by inserting a row: the
/// database lets exactly one instance have it, with no session state (works behind PgBouncer in transaction mode).
/// </summary>
public interface IBackupSchedule
{
    /// <summary>true for the one instance that claimed <paramref name="slot"/>; false if another already has it.</summary>
    Task<bool> TryClaimAsync(DateTimeOffset slot, DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(DateTimeOffset slot, BackupManifest manifest, DateTimeOffset now, CancellationToken cancellationToken);

    Task FailAsync(DateTimeOffset slot, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The newest successful scheduled backup by any instance, or null.</summary>
    Task<CompletedBackup?> LastSuccessAsync(CancellationToken cancellationToken);
}

public sealed record CompletedBackup(DateTimeOffset FinishedAt, long ArchiveBytes);
