using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Application.Backups;

/// <summary>
/// The scheduled backups as Prometheus sees them: nakamura_misaki_backup_last_success_age_seconds and
/// nakamura_misaki_backup_last_success_size_bytes (the newest success by any instance, refreshed every pass; absent
/// until there is one), nakamura_misaki_backup_interval_seconds (so an alert can compare the age with it) and
/// nakamura_misaki_backup_failures_total.
/// </summary>
public sealed class BackupMetrics
{
    private readonly Counter<long> _failures;
    private readonly TimeProvider _clock;
    private CompletedBackup? _last;
    private TimeSpan? _interval;

    public BackupMetrics(AppMeter meter, TimeProvider clock)
    {
        _clock = clock;
        _failures = meter.Meter.CreateCounter<long>(
            "nakamura_misaki.backup.failures", "{backup}", "Scheduled backups that failed (backup, verify or retention).");
        meter.Meter.CreateObservableGauge("nakamura_misaki.backup.last_success.age", () => Observe(last =>
            (_clock.GetUtcNow() - last.FinishedAt).TotalSeconds), "s", "Time since the newest successful scheduled backup.");
        meter.Meter.CreateObservableGauge("nakamura_misaki.backup.last_success.size", () => Observe(last =>
            (double)last.ArchiveBytes), "By", "Archive size of the newest successful scheduled backup.");
        meter.Meter.CreateObservableGauge("nakamura_misaki.backup.interval", () =>
            _interval is { } interval ? [new Measurement<double>(interval.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "Backup:Interval of the scheduled backup job.");
    }

    public void Scheduled(TimeSpan interval) => _interval = interval;

    public void Succeeded(CompletedBackup backup) => _last = backup;

    /// <summary>What another instance (or an earlier run of this one) recorded; never moves the figure back.</summary>
    public void Observed(CompletedBackup? backup)
    {
        if (backup is not null && (_last is null || backup.FinishedAt > _last.FinishedAt))
        {
            _last = backup;
        }
    }

    public void Failed() => _failures.Add(1);

    private IEnumerable<Measurement<double>> Observe(Func<CompletedBackup, double> value) =>
        _last is { } last ? [new Measurement<double>(value(last))] : [];
}
