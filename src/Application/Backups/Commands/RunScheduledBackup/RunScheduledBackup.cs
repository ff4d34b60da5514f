using Mediator;
using Microsoft.Extensions.Logging;

namespace NakamuraMisaki.Application.Backups.Commands.RunScheduledBackup;

/// <summary>
/// One pass of the scheduled backup: the instance that claims the current interval backs up into
/// <see cref="Directory"/>, verifies the archive in a throwaway cluster when asked, then keeps the newest
/// <see cref="RetentionCount"/> archives. Every other instance only refreshes its metrics.
/// </summary>
public sealed record RunScheduledBackup(string Directory, TimeSpan Interval, int RetentionCount, bool Verify)
    : IRequest<ScheduledBackupResult>;

public enum ScheduledBackupOutcome
{
    BackedUp,
    AlreadyTaken,
    Failed,
}

public sealed record ScheduledBackupResult(ScheduledBackupOutcome Outcome, string? Archive, IReadOnlyList<string> Removed);

public sealed class RunScheduledBackupHandler(
    IBackupSchedule schedule, IDatabaseBackups backups, BackupMetrics metrics, TimeProvider clock,
    ILogger<RunScheduledBackupHandler> logger) : IRequestHandler<RunScheduledBackup, ScheduledBackupResult>
{
    public async ValueTask<ScheduledBackupResult> Handle(RunScheduledBackup request, CancellationToken cancellationToken)
    {
        metrics.Scheduled(request.Interval);
        var now = clock.GetUtcNow();
        var slot = new DateTimeOffset(now.UtcTicks - now.UtcTicks % request.Interval.Ticks, TimeSpan.Zero);
        if (!await schedule.TryClaimAsync(slot, now, cancellationToken))
        {
            metrics.Observed(await schedule.LastSuccessAsync(cancellationToken));
            return new(ScheduledBackupOutcome.AlreadyTaken, null, []);
        }

        string? archive = null;
        try
        {
            var manifest = await backups.BackupAsync(request.Directory, cancellationToken);
            archive = Path.Combine(request.Directory, manifest.ArchiveFile);
            if (request.Verify && await backups.VerifyAsync(archive, cancellationToken) is { Succeeded: false } verify)
            {
                throw new InvalidOperationException("verification failed: " + string.Join("; ",
                    verify.Checks.Where(c => !c.Passed).Select(c => $"{c.What}: {c.Detail}")));
            }

            var removed = await backups.PruneAsync(request.Directory, request.RetentionCount, cancellationToken);
            var finished = clock.GetUtcNow();
            await schedule.CompleteAsync(slot, manifest, finished, cancellationToken);
            metrics.Succeeded(new CompletedBackup(finished, manifest.ArchiveBytes));
            return new(ScheduledBackupOutcome.BackedUp, archive, removed);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = e.GetBaseException().Message;
            logger.LogError(e, "Scheduled backup of interval {Slot} failed: {Reason} (archive: {Archive})", slot, reason,
                archive ?? "none");
            metrics.Failed();
            await schedule.FailAsync(slot, reason, clock.GetUtcNow(), CancellationToken.None);
            return new(ScheduledBackupOutcome.Failed, archive, []);
        }
    }
}
