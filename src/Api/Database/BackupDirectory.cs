using NakamuraMisaki.Infrastructure.Backups;

namespace NakamuraMisaki.Api.Database;

internal static class BackupDirectory
{
    private const string Key = $"{BackupOptions.Section}:{nameof(BackupOptions.Directory)}";

    /// <summary>Backup:Directory, or (unset) .data/backups beside the embedded cluster, for the job and the commands alike.</summary>
    public static string UseDefaultBackupDirectory(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[Key] is not { Length: > 0 })
        {
            builder.Configuration[Key] = Path.Combine(RepositoryPaths.DataDirectory(builder.Environment.ContentRootPath), "backups");
        }

        return Path.GetFullPath(builder.Configuration[Key]!);
    }
}
