using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Import.Export;

namespace NakamuraMisaki.Api.Backups;

/// <summary><c>export --to DIR</c>: prints what the export wrote and the import command that reads it back.</summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(WebApplication app, string directory, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await app.Services.GetRequiredService<LegacyExporter>().ExportAsync(directory, cancellationToken);
        foreach (var files in report.Files)
        {
            await output.WriteLineAsync($"  {files.What,-20} {files.Rows,10:N0} rows in {files.Files} file(s): {files.Path}");
        }

        await CommandLineAudit.RecordAsync(app.Services, AuditOperations.Export, report.Directory, AuditOutcomes.Succeeded,
            report.Files.Select(f => new { f.What, f.Files, f.Rows }).ToArray(), cancellationToken);
        var layout = new ExportLayout(report.Directory);
        await output.WriteLineAsync(
            $"Exported. Read back with: import --sessions {layout.Sessions} --notes {layout.Workspace} --agent-tasks {layout.AgentTasks}");
        return BackupExitCodes.Success;
    }
}
