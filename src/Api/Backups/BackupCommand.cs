using Microsoft.Extensions.DependencyInjection.Extensions;
using NakamuraMisaki.Api.Database;
using NakamuraMisaki.Api.Observability;
using NakamuraMisaki.Application;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Backups;
using NakamuraMisaki.Infrastructure;
using NakamuraMisaki.Import.Export;
using NakamuraMisaki.Infrastructure.Database.Embedded;

namespace NakamuraMisaki.Api.Backups;

/// <summary>
/// <c>backup</c>, <c>backup verify</c>, <c>restore</c> and <c>export</c>: commands of the service's executable with its
/// configuration and database (no connection string: the embedded cluster under .data/postgres), but no web server.
/// The work is <see cref="IDatabaseBackups"/>'s; this class wires it to a host and prints what it did.
/// </summary>
internal static class BackupCommand
{
    public static bool IsInvoked(string[] args) => args.Length > 0 && BackupArguments.Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // stop cleanly: the embedded cluster and throwaway clusters are stopped
            interrupted.Cancel();
        };
        return await RunAsync(args, Console.Out, configure: null, interrupted.Token);
    }

    /// <param name="configure">Applied after the service's registrations and before the database is chosen (tests, the benchmark).</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output,
        Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var (request, error) = BackupArguments.Parse(args);
        if (request is null)
        {
            await output.WriteLineAsync($"{error}{Environment.NewLine}{Environment.NewLine}{BackupArguments.Usage}");
            return BackupExitCodes.Usage;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        // Warnings and errors only, on stderr: stdout carries what the command checked.
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddObservability();
        builder.Services.AddApplicationServices().AddInfrastructureServices(builder.Configuration).AddLegacyExport();
        configure?.Invoke(builder);

        var directory = builder.UseDefaultBackupDirectory();
        EmbeddedPostgresCluster? cluster = null;
        try
        {
            // verify works on a throwaway cluster of its own: the service's database is neither needed nor started.
            if (request.Verb != BackupVerb.Verify)
            {
                await builder.UseEmbeddedPostgresWhenUnconfiguredAsync();
            }

            // This command never starts the host: it carries none of the service's jobs (the finally stops the cluster).
            builder.Services.RemoveAll<IHostedService>();
            await using var app = builder.Build();
            cluster = app.Services.GetService<EmbeddedPostgresCluster>();
            var backups = app.Services.GetRequiredService<IDatabaseBackups>();
            return request.Verb switch
            {
                BackupVerb.Backup => await BackupAsync(app.Services, backups, request.Path ?? directory, output, cancellationToken),
                BackupVerb.Verify => BackupReport.Write("verify", await backups.VerifyAsync(request.Path!, cancellationToken), output),
                BackupVerb.Restore => await RestoreAsync(app.Services, backups, request.Path!, request.Force, output, cancellationToken),
                _ => await ExportCommand.RunAsync(app, request.Path!, output, cancellationToken),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync("Interrupted.");
            return BackupExitCodes.Failed;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync(e.ToString());
            await output.WriteLineAsync($"The {request.Verb.ToString().ToLowerInvariant()} could not finish: {e.GetBaseException().Message}");
            return BackupExitCodes.Failed;
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.StopAsync(); // only if this process started it; a running service keeps its cluster
            }
        }
    }

    /// <summary>Recorded in the restored database, once the restore has replaced it; a refused restore changed nothing.</summary>
    private static async Task<int> RestoreAsync(IServiceProvider services, IDatabaseBackups backups, string archive, bool force,
        TextWriter output, CancellationToken cancellationToken)
    {
        var outcome = await backups.RestoreAsync(archive, force, cancellationToken);
        if (outcome.Status == RestoreStatus.Restored)
        {
            await CommandLineAudit.RecordAsync(services, AuditOperations.Restore, Path.GetFileName(archive),
                outcome.Succeeded ? AuditOutcomes.Succeeded : AuditOutcomes.Failed,
                new { failed_checks = outcome.Checks.Where(c => !c.Passed).Select(c => c.What).ToArray(), migrations_applied = outcome.MigrationsApplied },
                cancellationToken);
        }

        return BackupReport.Write(outcome, output);
    }

    private static async Task<int> BackupAsync(IServiceProvider services, IDatabaseBackups backups, string directory,
        TextWriter output, CancellationToken cancellationToken)
    {
        var manifest = await backups.BackupAsync(directory, cancellationToken);
        await CommandLineAudit.RecordAsync(services, AuditOperations.Backup, manifest.ArchiveFile, AuditOutcomes.Succeeded,
            new { archive_bytes = manifest.ArchiveBytes, tables = manifest.Tables }, cancellationToken);
        var archive = Path.Combine(directory, manifest.ArchiveFile);
        await output.WriteLineAsync($"Archive:   {archive} ({manifest.ArchiveBytes} bytes, sha256 {manifest.ArchiveSha256})");
        await output.WriteLineAsync($"Manifest:  {BackupManifest.PathFor(archive)}");
        await output.WriteLineAsync($"Schema:    {manifest.SchemaMigration ?? "(never migrated)"}, PostgreSQL {manifest.ServerVersionNum}");
        foreach (var (table, rows) in manifest.Tables)
        {
            await output.WriteLineAsync($"  {table,-28} {rows,12:N0} rows");
        }

        return BackupExitCodes.Success;
    }
}
