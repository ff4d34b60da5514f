using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Backups;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Persistence;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>
/// An archive into the service's database: checksum first, then an emptiness check (refusing a database that holds
/// rows unless forced), then pg_restore in one transaction, the migrations this version has and the archive lacks,
/// and the row counts against the manifest.
/// </summary>
internal sealed class ArchiveRestorer(
    IConfiguration configuration,
    IOptions<BackupOptions> options,
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    ILogger<ArchiveRestorer> logger)
{
    public async Task<RestoreOutcome> RestoreAsync(string archivePath, bool force, CancellationToken cancellationToken)
    {
        BackupManifest manifest;
        try
        {
            manifest = await ManifestFile.ReadCheckedAsync(archivePath, cancellationToken);
        }
        catch (BackupArchiveRejectedException e)
        {
            return new(RestoreStatus.ArchiveRejected, [new("archive checksum", false, e.Message)], []);
        }

        var checks = new List<BackupCheck> { new("archive checksum", true, $"sha256 {manifest.ArchiveSha256}") };
        var connection = ServiceDatabase.ConnectionString(configuration);
        await using (var session = new NpgsqlConnection(connection.ConnectionString))
        {
            await session.OpenAsync(cancellationToken);
            var holding = (await TableCounts.ReadAsync(session, null, cancellationToken))
                // Bookkeeping, not data: the schema's history, and the markers every write leaves for its retry (ADR 0022).
                .Where(t => t.Key is not (TableCounts.MigrationsHistory or CommitMarker.Table) && t.Value > 0)
                .Select(t => $"{t.Key} ({t.Value})").ToList();
            if (holding.Count > 0 && !force)
            {
                checks.Add(new("database is empty", false,
                    $"{connection.Database} holds rows in {string.Join(", ", holding)}; nothing was changed (--force empties it first)"));
                return new(RestoreStatus.DatabaseNotEmpty, checks, []);
            }

            var serverVersion = await ServiceDatabase.ServerVersionNumAsync(session, cancellationToken);
            var tools = PostgresClientTools.ForServer(serverVersion / 10000, options.Value.ClientBinDirectory);
            logger.LogWarning("Restoring {Archive} into {Database}: emptying it first ({Tables})", archivePath,
                connection.Database, holding.Count == 0 ? "no rows" : string.Join(", ", holding));
            await using (var wipe = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public", session))
            {
                await wipe.ExecuteNonQueryAsync(cancellationToken);
            }

            await tools.RunAsync("pg_restore", connection,
            [
                $"--dbname={connection.Database}", "--no-owner", "--no-privileges", "--exit-on-error",
                "--single-transaction", "--no-password", Path.GetFullPath(archivePath),
            ], cancellationToken);
        }

        // The extensions' types were dropped and created again under new OIDs: whatever this process's data source
        // learned about them before is stale.
        await dataSource.ReloadTypesAsync(cancellationToken);
        var applied = await MigrateUpAsync(checks, cancellationToken);
        await using (var session = new NpgsqlConnection(connection.ConnectionString))
        {
            await session.OpenAsync(cancellationToken);
            checks.AddRange(TableCounts.Compare(manifest.Tables, await TableCounts.ReadAsync(session, null, cancellationToken),
                includeHistory: false));
        }

        return new(RestoreStatus.Restored, checks, applied);
    }

    /// <summary>An archive of an older schema is brought up to this version's; one of a newer version is named as such.</summary>
    private async Task<IReadOnlyList<string>> MigrateUpAsync(List<BackupCheck> checks, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database;
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await DatabaseMigrationService.MigrateAsync(scopes, cancellationToken);

        var unknown = (await database.GetAppliedMigrationsAsync(cancellationToken)).Except(database.GetMigrations()).ToList();
        checks.Add(new("schema known to this version", unknown.Count == 0,
            unknown.Count == 0 ? "every applied migration is one of this version's"
                : $"made by a newer version: {string.Join(", ", unknown)}"));
        var stillPending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        checks.Add(new("no pending migration", stillPending.Count == 0,
            pending.Count == 0 ? "the archive's schema is current" : $"migrated up: {string.Join(", ", pending)}"));
        return pending;
    }
}
