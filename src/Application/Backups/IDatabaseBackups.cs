namespace NakamuraMisaki.Application.Backups;

/// <summary>
/// Backup, restore and verification of the service's database. The driver (pg_dump, pg_restore, a throwaway cluster)
/// lives in Infrastructure; the commands and the scheduled job only call this.
/// </summary>
public interface IDatabaseBackups
{
    /// <summary>A consistent archive of the database and its manifest in <paramref name="directory"/>.</summary>
    Task<BackupManifest> BackupAsync(string directory, CancellationToken cancellationToken);

    /// <summary>The archive into the service's database: refused (nothing changed) when it holds rows, unless forced.</summary>
    Task<RestoreOutcome> RestoreAsync(string archivePath, bool force, CancellationToken cancellationToken);

    /// <summary>Restores the archive into a throwaway cluster and checks it there; the service's database is not touched.</summary>
    Task<VerifyOutcome> VerifyAsync(string archivePath, CancellationToken cancellationToken);

    /// <summary>Deletes all but the newest <paramref name="keep"/> archives (and their manifests) in the directory; what it deleted.</summary>
    Task<IReadOnlyList<string>> PruneAsync(string directory, int keep, CancellationToken cancellationToken);
}
