using NakamuraMisaki.Infrastructure.Backups;

namespace NakamuraMisaki.Api.Backups;

internal static class BackupDirectory
{
    /// <summary>Backup:Directory, else .data/backups beside the embedded cluster.</summary>
    public static string Resolve(WebApplication app) =>
        app.Configuration[$"{BackupOptions.Section}:{nameof(BackupOptions.Directory)}"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryPaths.DataDirectory(app.Environment.ContentRootPath), "backups");
}
