namespace NakamuraMisaki.Api.Backups;

/// <summary>export --to DIR: the old file layout. Seam: filled in by the export step.</summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(WebApplication app, string directory, TextWriter output, CancellationToken cancellationToken)
    {
        _ = app;
        _ = cancellationToken;
        await output.WriteLineAsync($"export to {directory} is not available in this build.");
        return BackupExitCodes.Failed;
    }
}
