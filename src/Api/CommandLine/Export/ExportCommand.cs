using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Import.Export;

namespace NakamuraMisaki.Api.CommandLine.Export;

/// <summary>
/// <c>export --to DIR</c>, in the <see cref="CommandHost"/>: the database in the old assistant's file layout (the
/// legacy-store module's <see cref="LegacyExporter"/>, ADR 0006); prints what it wrote and the import that reads it back.
/// </summary>
internal static class ExportCommand
{
    public const string Verb = "export";

    public const string Usage = """
        Usage: NakamuraMisaki.Api export --to DIR   the old file layout (sessions JSON, notes JSON, tasks.db) in a new or empty DIR

        Settings (ConnectionStrings__Default, …) are the service's; no connection string: the embedded cluster.
        Exit codes: 0 done, 2 usage or DIR not empty, 3 could not finish.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output,
        Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var (directory, error) = Parse(args);
        if (directory is null)
        {
            await output.WriteLineAsync($"{error}{Environment.NewLine}{Environment.NewLine}{Usage}");
            return ExitCodes.Usage;
        }

        return await CommandHost.RunAsync(Verb, output, services => services.AddLegacyExport(), configure, async host =>
        {
            var report = await host.Services.GetRequiredService<LegacyExporter>().ExportAsync(directory, cancellationToken);
            foreach (var files in report.Files)
            {
                await output.WriteLineAsync($"  {files.What,-20} {files.Rows,10:N0} rows in {files.Files} file(s): {files.Path}");
            }

            await CommandLineAudit.RecordAsync(host.Services, AuditOperations.Export, report.Directory, AuditOutcomes.Succeeded,
                report.Files.Select(f => new { f.What, f.Files, f.Rows }).ToArray(), cancellationToken);
            var layout = new ExportLayout(report.Directory);
            await output.WriteLineAsync(
                $"Exported. Read back with: import --sessions {layout.Sessions} --notes {layout.Workspace} --agent-tasks {layout.AgentTasks}");
            return ExitCodes.Success;
        }, () => ExitCodes.Failed, cancellationToken);
    }

    private static (string? Directory, string? Error) Parse(IReadOnlyList<string> args)
    {
        var to = args switch
        {
            ["--to", var dir] => dir,
            [var arg] when arg.StartsWith("--to=", StringComparison.Ordinal) => arg["--to=".Length..],
            _ => null,
        };
        return to switch
        {
            null or "" => (null, "export needs --to DIR (and nothing else)."),
            _ when !LegacyExporter.CanWriteTo(to) =>
                (null, $"export --to {to}: the directory is not empty; export writes only into a new or empty one."),
            _ => (Path.GetFullPath(to), null),
        };
    }
}
