using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NakamuraMisaki.Api.Backups;
using NakamuraMisaki.Api.Database;
using NakamuraMisaki.Api.Observability;
using NakamuraMisaki.Application;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Import;
using NakamuraMisaki.Infrastructure;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using NakamuraMisaki.Infrastructure.Persistence;
using OpenTelemetry.Metrics;

namespace NakamuraMisaki.Api.Import;

/// <summary>
/// <c>NakamuraMisaki.Api import …</c>: the old stores into the database, with the service's own configuration, data
/// source and embedded cluster (no connection string: .data/postgres, migrated), but no web server. The work is the
/// importer module's <see cref="LegacyImporter"/> (src/Import, ADR 0006); this class only wires it to a host and a
/// console.
/// </summary>
internal static class ImportCommand
{
    public const string Verb = "import";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // finish cleanly: roll back the batch in flight and stop the embedded cluster
            interrupted.Cancel();
        };
        var result = await RunAsync(args[1..], ImportConsole.FromProcess(), configure: null, interrupted.Token);
        return result.ExitCode;
    }

    /// <param name="configure">Applied after the service's registrations and before the database is chosen (tests, the benchmark).</param>
    public static async Task<ImportResult> RunAsync(
        IReadOnlyList<string> args, ImportConsole console, Action<WebApplicationBuilder>? configure,
        CancellationToken cancellationToken)
    {
        var (request, error) = ImportArguments.Parse(args);
        if (request is null)
        {
            await console.Out.WriteLineAsync($"{error}{Environment.NewLine}{Environment.NewLine}{ImportArguments.Usage}");
            return new ImportResult(ImportExitCodes.Usage, null);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        // Warnings and errors only, and on stderr: stdout carries the progress and the report.
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)
            // EF Core's own error lines would only repeat what this command reports: failures surface as exceptions.
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // Metrics (the import's record counts) go over OTLP when Otlp:Endpoint is set, as the service's do.
        builder.AddObservability();
        builder.Services.AddApplicationServices().AddInfrastructureServices(builder.Configuration).AddImportServices();
        configure?.Invoke(builder);

        EmbeddedPostgresCluster? cluster = null;
        try
        {
            var embedded = await builder.UseEmbeddedPostgresWhenUnconfiguredAsync();
            // The projects' registrations bring the service's background jobs, and the embedded cluster its stopper;
            // this command never starts the host, so it carries none of them (the finally below stops the cluster).
            builder.Services.RemoveAll<IHostedService>();
            await using var app = builder.Build();
            cluster = app.Services.GetService<EmbeddedPostgresCluster>();
            // Built here because the host, whose start would build it, is never started; disposed with the app, it
            // flushes the run's counts to OTLP when Otlp:Endpoint is set.
            _ = app.Services.GetService<MeterProvider>();
            if (await EnsureSchemaAsync(app, embedded, request.Mode, cancellationToken) is { } schemaError)
            {
                await console.Out.WriteLineAsync(schemaError);
                return new ImportResult(ImportExitCodes.Failed, null);
            }

            var importer = app.Services.GetRequiredService<LegacyImporter>();
            var report = await console.WithProgressAsync(progress => importer.RunAsync(request, progress, cancellationToken));
            if (report.Mode == ImportMode.Import)
            {
                // One event at the end, with what each source imported; a dry run or a verify changed nothing.
                await CommandLineAudit.RecordAsync(app.Services, AuditOperations.Import, null, AuditOutcomes.Succeeded,
                    report.Sources.Select(s => new { source = s.Source.ToString(), s.Origin, s.Read, s.Imported, s.AlreadyPresent, rejected = s.Rejected.Count, conflicts = s.Conflicts.Count }).ToArray(),
                    cancellationToken);
            }

            ImportReportWriter.Write(report, console.Out);
            return new ImportResult(report.HasProblems ? ImportExitCodes.Problems : ImportExitCodes.Success, report);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Out.WriteLineAsync("Interrupted. The batches committed so far stay; run the import again to carry on.");
            return new ImportResult(ImportExitCodes.Failed, null);
        }
        catch (Exception e)
        {
            // Whatever stopped the run (an unreachable database after retries, a full disk, a bug), the batches
            // already committed are consistent, so say so and leave the details to stderr.
            await Console.Error.WriteLineAsync(e.ToString());
            await console.Out.WriteLineAsync($"The import could not finish: {e.GetBaseException().Message}" +
                                             $"{Environment.NewLine}The batches committed so far stay; run the import again to carry on.");
            return new ImportResult(ImportExitCodes.Failed, null);
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.StopAsync(); // only if this process started it; a running service keeps its cluster
            }
        }
    }

    /// <summary>
    /// The embedded cluster is migrated, as the service does at start. An external database is migrated only for a
    /// real import with Database:MigrateOnStartup; otherwise a schema that is not current stops the run before it reads.
    /// </summary>
    private static async Task<string?> EnsureSchemaAsync(
        WebApplication app, bool embedded, ImportMode mode, CancellationToken cancellationToken)
    {
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var migrateOnStartup = app.Configuration.GetValue<bool>($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.MigrateOnStartup)}");
        if (embedded || (migrateOnStartup && mode == ImportMode.Import))
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
