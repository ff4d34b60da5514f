using System.Data;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Backups;
using NakamuraMisaki.Infrastructure.Database;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>
/// Backups with pg_dump's custom format. The row counts of the manifest are read in a repeatable-read transaction
/// whose snapshot pg_dump is given (<c>--snapshot</c>), so archive and counts describe the same instant however
/// busy the service is. Restore and verify live in <see cref="ArchiveRestorer"/> and <see cref="ArchiveVerifier"/>.
/// </summary>
internal sealed class PgDumpBackups(
    IConfiguration configuration,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ArchiveRestorer restorer,
    ArchiveVerifier verifier,
    ILogger<PgDumpBackups> logger) : IDatabaseBackups
{
    private static readonly string AppVersion =
        typeof(PgDumpBackups).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<BackupManifest> BackupAsync(string directory, CancellationToken cancellationToken)
    {
        var connection = ServiceDatabase.ConnectionString(configuration);
        await using var session = new NpgsqlConnection(connection.ConnectionString);
        await session.OpenAsync(cancellationToken);
        var serverVersion = await ServiceDatabase.ServerVersionNumAsync(session, cancellationToken);
        var tools = PostgresClientTools.ForServer(serverVersion / 10000, options.Value.ClientBinDirectory);

        Directory.CreateDirectory(directory);
        var createdAt = clock.GetUtcNow();
        var name = $"nakamura-misaki-{createdAt.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}";
        var archive = Path.Combine(Path.GetFullPath(directory), name + BackupManifest.ArchiveExtension);
        var partial = archive + ".partial";
        try
        {
            await using var snapshot = await session.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", session, snapshot);
            var snapshotId = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
            var counts = await TableCounts.ReadAsync(session, snapshot, cancellationToken);
            var migration = await TableCounts.LastMigrationAsync(session, snapshot, cancellationToken);
            await tools.RunAsync("pg_dump", connection,
                ["--format=custom", $"--file={partial}", $"--snapshot={snapshotId}", "--no-password"], cancellationToken);
            await snapshot.CommitAsync(cancellationToken);

            var sha256 = await ManifestFile.Sha256Async(partial, cancellationToken);
            var bytes = new FileInfo(partial).Length;
            File.Move(partial, archive);
            var manifest = new BackupManifest(createdAt, AppVersion, migration, serverVersion, connection.Database ?? "",
                Path.GetFileName(archive), bytes, sha256, counts);
            await ManifestFile.WriteAsync(manifest, archive, cancellationToken);
            logger.LogInformation("Backup {Archive}: {Bytes} bytes, {Rows} rows in {Tables} tables", archive, bytes,
                counts.Values.Sum(), counts.Count);
            return manifest;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<RestoreOutcome> RestoreAsync(string archivePath, bool force, CancellationToken cancellationToken) =>
        restorer.RestoreAsync(archivePath, force, cancellationToken);

    public Task<VerifyOutcome> VerifyAsync(string archivePath, CancellationToken cancellationToken) =>
        verifier.VerifyAsync(archivePath, cancellationToken);

    public Task<IReadOnlyList<string>> PruneAsync(string directory, int keep, CancellationToken cancellationToken) =>
        Task.FromResult(ArchiveRetention.Prune(directory, keep));
}
