using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Backups;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>
/// Proves an archive restores: into a throwaway cluster (<see cref="ThrowawayClusters"/>), then the row counts against
/// the manifest, the schema migration, and one nearest-neighbour search per embedding model; the cluster is removed
/// afterwards, also when the verification is cancelled. The service's database is never touched.
/// </summary>
internal sealed class ArchiveVerifier(IOptions<BackupOptions> options, ThrowawayClusters clusters)
{
    public async Task<VerifyOutcome> VerifyAsync(string archivePath, CancellationToken cancellationToken)
    {
        BackupManifest manifest;
        try
        {
            manifest = await ManifestFile.ReadCheckedAsync(archivePath, cancellationToken);
        }
        catch (BackupArchiveRejectedException e)
        {
            return new([new("archive checksum", false, e.Message)]);
        }

        var checks = new List<BackupCheck> { new("archive checksum", true, $"sha256 {manifest.ArchiveSha256}") };
        var cluster = await clusters.StartAsync(string.IsNullOrEmpty(manifest.Database) ? "nakamura_misaki" : manifest.Database,
            ServerBinDirectory(manifest.ServerMajor), cancellationToken);
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false };
            await new PostgresClientTools(cluster.BinDirectory).RunAsync("pg_restore", connection,
            [
                $"--dbname={connection.Database}", "--no-owner", "--no-privileges", "--exit-on-error",
                "--single-transaction", "--no-password", Path.GetFullPath(archivePath),
            ], cancellationToken);
            checks.Add(new("restores", true, $"pg_restore into a throwaway PostgreSQL {manifest.ServerMajor}+ cluster"));

            await using var session = new NpgsqlConnection(connection.ConnectionString);
            await session.OpenAsync(cancellationToken);
            checks.AddRange(TableCounts.Compare(manifest.Tables, await TableCounts.ReadAsync(session, null, cancellationToken),
                includeHistory: true));
            var migration = await TableCounts.LastMigrationAsync(session, null, cancellationToken);
            checks.Add(new("schema migration", migration == manifest.SchemaMigration,
                $"{migration ?? "none"} (manifest {manifest.SchemaMigration ?? "none"})"));
            checks.AddRange(await NoteSearchProbe.RunAsync(session, cancellationToken));
        }
        catch (InvalidOperationException e) when (!cancellationToken.IsCancellationRequested)
        {
            checks.Add(new("restores", false, e.Message)); // pg_restore refused the archive
        }
        finally
        {
            await clusters.RemoveAsync(cluster);
        }

        return new(checks);
    }

    /// <summary>The configured client directory if it also has the server, else Debian's for the archive's major, else the newest.</summary>
    private string? ServerBinDirectory(int major) =>
        new[] { options.Value.ClientBinDirectory, $"/usr/lib/postgresql/{major}/bin" }
            .FirstOrDefault(dir => !string.IsNullOrWhiteSpace(dir) && File.Exists(Path.Combine(dir, "initdb")));
}
