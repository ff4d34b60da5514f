using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Backups;

namespace NakamuraMisaki.Api.CommandLine.Backups;

/// <summary>
/// <c>backup</c>, <c>backup verify</c> and <c>restore</c>, in the <see cref="CommandHost"/>. The work is
/// <see cref="IDatabaseBackups"/>'s; this class prints what it did.
/// </summary>
internal static class BackupCommand
{
    public static readonly string[] Verbs = ["backup", "restore"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output,
        Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var (request, error) = BackupArguments.Parse(args);
        if (request is null)
        {
            await output.WriteLineAsync($"{error}{Environment.NewLine}{Environment.NewLine}{BackupArguments.Usage}");
            return ExitCodes.Usage;
        }

        return await CommandHost.RunAsync(request.Verb.ToString().ToLowerInvariant(), output, _ => { }, configure, async host =>
        {
            var backups = host.Services.GetRequiredService<IDatabaseBackups>();
            return request.Verb switch
            {
                BackupVerb.Backup => await BackupAsync(host.Services, backups, request.Path ?? host.BackupDirectory, output, cancellationToken),
                BackupVerb.Verify => BackupReport.Write("verify", await backups.VerifyAsync(request.Path!, cancellationToken), output),
                _ => await RestoreAsync(host.Services, backups, request.Path!, request.Force, output, cancellationToken),
            };
        }, () => ExitCodes.Failed, cancellationToken);
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

        return ExitCodes.Success;
    }
}
