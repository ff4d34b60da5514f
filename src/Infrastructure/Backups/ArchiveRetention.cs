using NakamuraMisaki.Application.Backups;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>
/// Keeps the newest N backups of a directory. A backup is an archive with its manifest (the manifest is written
/// last, so one without it is unfinished and not counted); names carry the UTC time, so name order is age order.
/// </summary>
internal static class ArchiveRetention
{
    private const string Pattern = "nakamura-misaki-*" + BackupManifest.ManifestExtension;

    public static IReadOnlyList<string> Prune(string directory, int keep)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var manifest in Directory.GetFiles(directory, Pattern).OrderByDescending(Path.GetFileName, StringComparer.Ordinal).Skip(keep))
        {
            var archive = manifest[..^BackupManifest.ManifestExtension.Length] + BackupManifest.ArchiveExtension;
            File.Delete(archive);
            File.Delete(manifest); // last: a crash in between leaves a manifest without archive, pruned next time
            removed.Add(archive);
        }

        return removed;
    }
}
