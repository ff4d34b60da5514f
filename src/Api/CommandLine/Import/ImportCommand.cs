using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Import;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Persistence;

namespace NakamuraMisaki.Api.CommandLine.Import;

/// <summary>
/// <c>NakamuraMisaki.Api import …</c>: the old stores into the database, in the <see cref="CommandHost"/>. The work is
/// the importer module's <see cref="LegacyImporter"/> (src/Import, ADR 0006); this class gives it a console.
/// </summary>
internal static class ImportCommand
{
    public const string Verb = "import";

    /// <param name="configure">Applied after the service's registrations and before the database is chosen (tests, the benchmark).</param>
    public static async Task<ImportResult> RunAsync(
        IReadOnlyList<string> args, ImportConsole console, Action<WebApplicationBuilder>? configure,
        CancellationToken cancellationToken)
    {
        var (request, error) = ImportArguments.Parse(args);
        if (request is null)
        {
            await console.Out.WriteLineAsync($"{error}{Environment.NewLine}{Environment.NewLine}{ImportArguments.Usage}");
            return new ImportResult(ExitCodes.Usage, null);
        }

        // Whatever stops the run (an unreachable database after retries, a full disk, a bug), the batches already
        // committed are consistent, so the failure line says so.
        return await CommandHost.RunAsync(Verb, console.Out, services => services.AddImportServices(), configure, async host =>
        {
            if (await EnsureSchemaAsync(host, request.Mode, cancellationToken) is { } schemaError)
            {
                await console.Out.WriteLineAsync(schemaError);
                return new ImportResult(ExitCodes.Failed, null);
            }

            var importer = host.Services.GetRequiredService<LegacyImporter>();
            var report = await console.WithProgressAsync(progress => importer.RunAsync(request, progress, cancellationToken));
            if (report.Mode == ImportMode.Import)
            {
                // One event at the end, with what each source imported; a dry run or a verify changed nothing.
                await CommandLineAudit.RecordAsync(host.Services, AuditOperations.Import, null, AuditOutcomes.Succeeded,
                    report.Sources.Select(s => new { source = s.Source.ToString(), s.Origin, s.Read, s.Imported, s.AlreadyPresent, rejected = s.Rejected.Count, conflicts = s.Conflicts.Count }).ToArray(),
                    cancellationToken);
            }

            ImportReportWriter.Write(report, console.Out);
            return new ImportResult(report.HasProblems ? ExitCodes.Problems : ExitCodes.Success, report);
        }, () => new ImportResult(ExitCodes.Failed, null), cancellationToken,
            afterFailure: "The batches committed so far stay; run the import again to carry on.");
    }

    /// <summary>
    /// The embedded cluster the host has migrated, as the service does at start. An external database is migrated only
    /// for a real import with Database:MigrateOnStartup; otherwise a schema that is not current stops the run before it reads.
    /// </summary>
    private static async Task<string?> EnsureSchemaAsync(CommandHost host, ImportMode mode, CancellationToken cancellationToken)
    {
        var scopes = host.Services.GetRequiredService<IServiceScopeFactory>();
        var migrateOnStartup = host.Configuration.GetValue<bool>($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.MigrateOnStartup)}");
        if (host.Embedded)
        {
            return null;
        }

        if (migrateOnStartup && mode == ImportMode.Import)
        {
            await DatabaseMigrationService.MigrateAsync(scopes, cancellationToken);
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var pending = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database
            .GetPendingMigrationsAsync(cancellationToken)).ToArray();
        return pending.Length == 0
            ? null
            : $"The database schema is not current ({pending.Length} pending migrations: {string.Join(", ", pending)}). " +
              "Apply them (dotnet ef database update, or Database__MigrateOnStartup=true) and run the import again.";
    }
}

internal sealed record ImportResult(int ExitCode, ImportReport? Report);
