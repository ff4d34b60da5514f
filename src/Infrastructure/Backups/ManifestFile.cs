using System.Security.Cryptography;
using System.Text.Json;
using NakamuraMisaki.Application.Backups;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>The manifest's JSON file beside its archive, and the archive's checksum.</summary>
internal static class ManifestFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static async Task WriteAsync(BackupManifest manifest, string archivePath, CancellationToken cancellationToken)
    {
        var path = BackupManifest.PathFor(archivePath);
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(manifest, Json), cancellationToken);
        File.Move(partial, path, overwrite: true); // a manifest present means a complete backup
    }

    /// <summary>
    /// The manifest of <paramref name="archivePath"/>, after checking that the archive is the one it describes.
    /// Throws <see cref="BackupArchiveRejectedException"/> otherwise.
    /// </summary>
    public static async Task<BackupManifest> ReadCheckedAsync(string archivePath, CancellationToken cancellationToken)
    {
        var path = BackupManifest.PathFor(archivePath);
        if (!File.Exists(archivePath))
        {
            throw new BackupArchiveRejectedException($"No archive at {archivePath}.");
        }

        if (!File.Exists(path))
        {
            throw new BackupArchiveRejectedException($"No manifest beside the archive (expected {path}).");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path, cancellationToken), Json);
        }
        catch (JsonException e)
        {
            throw new BackupArchiveRejectedException($"The manifest {path} is not readable: {e.Message}");
        }

        if (manifest?.ArchiveSha256 is not { Length: 64 } expected || manifest.Tables is null)
        {
            throw new BackupArchiveRejectedException($"The manifest {path} has no archive checksum or table counts.");
        }

        var actual = await Sha256Async(archivePath, cancellationToken);
        return string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase)
            ? manifest
            : throw new BackupArchiveRejectedException(
                $"The archive's sha256 is {actual}, its manifest says {expected}: the file was changed or cut short.");
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
