using NakamuraMisaki.Application.Backups;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>
/// <see cref="IBackupSchedule"/> over <c>backup_runs</c>: a claim is an INSERT that the primary key lets through once
/// per interval. Plain statements in autocommit: no advisory lock and no session state, so it behaves the same
/// behind PgBouncer in transaction mode and with Database:NoResetOnClose.
/// </summary>
internal sealed class BackupSchedule(NpgsqlDataSource dataSource) : IBackupSchedule
{
    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<bool> TryClaimAsync(DateTimeOffset slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var claim = dataSource.CreateCommand(
            "INSERT INTO backup_runs (slot_start, instance, started_at) VALUES ($1, $2, $3) ON CONFLICT (slot_start) DO NOTHING");
        claim.Parameters.Add(new() { Value = slot });
        claim.Parameters.Add(new() { Value = Instance });
        claim.Parameters.Add(new() { Value = now });
        return await claim.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task CompleteAsync(DateTimeOffset slot, BackupManifest manifest, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(slot, now, manifest.ArchiveFile, manifest.ArchiveBytes, null, cancellationToken);

    public Task FailAsync(DateTimeOffset slot, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(slot, now, null, null, reason.Length > 4000 ? reason[..4000] : reason, cancellationToken);

    public async Task<CompletedBackup?> LastSuccessAsync(CancellationToken cancellationToken)
    {
        await using var last = dataSource.CreateCommand(
            $"SELECT finished_at, archive_bytes FROM backup_runs WHERE {BackupRun.SucceededSql} " +
            "ORDER BY finished_at DESC LIMIT 1");
        await using var reader = await last.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CompletedBackup(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1))
            : null;
    }

    private async Task FinishAsync(DateTimeOffset slot, DateTimeOffset now, string? archive, long? bytes, string? error,
        CancellationToken cancellationToken)
    {
        await using var finish = dataSource.CreateCommand(
            "UPDATE backup_runs SET finished_at = $2, archive = $3, archive_bytes = $4, error = $5 WHERE slot_start = $1");
        finish.Parameters.Add(new() { Value = slot });
        finish.Parameters.Add(new() { Value = now });
        finish.Parameters.Add(new() { Value = (object?)archive ?? DBNull.Value });
        finish.Parameters.Add(new() { Value = (object?)bytes ?? DBNull.Value });
        finish.Parameters.Add(new() { Value = (object?)error ?? DBNull.Value });
        await finish.ExecuteNonQueryAsync(cancellationToken);
    }
}
