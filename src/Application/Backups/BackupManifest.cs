namespace NakamuraMisaki.Application.Backups;

/// <summary>
/// What a backup archive holds, written beside it as JSON: restore checks the archive against <see cref="ArchiveSha256"/>
/// before touching a database, and both restore and verify compare their row counts with <see cref="Tables"/>.
/// The counts are taken in the same snapshot pg_dump reads, so they are exact even while the service writes.
/// </summary>
public sealed record BackupManifest(
    DateTimeOffset CreatedAt,
    string AppVersion,
    string? SchemaMigration,
    int ServerVersionNum,
    string Database,
    string ArchiveFile,
    long ArchiveBytes,
    string ArchiveSha256,
    IReadOnlyDictionary<string, long> Tables)
{
    public const string ArchiveExtension = ".dump";
    public const string ManifestExtension = ".manifest.json";

    /// <summary>The manifest of <paramref name="archivePath"/>: same name, <c>.manifest.json</c> instead of <c>.dump</c>.</summary>
    public static string PathFor(string archivePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(archivePath))!,
            Path.GetFileNameWithoutExtension(archivePath) + ManifestExtension);

    public int ServerMajor => ServerVersionNum / 10000;
}
