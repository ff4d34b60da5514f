using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Backups.Commands.RunScheduledBackup;
using NakamuraMisaki.Infrastructure.Backups;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;

namespace NakamuraMisaki.Infrastructure.Jobs;

/// <summary>
/// Every Backup:Interval: <see cref="RunScheduledBackup"/>. On by default only for the embedded cluster (whose
/// directory the service owns); a configured server has its own backup regime unless Backup:Enabled says otherwise.
/// </summary>
internal sealed class ScheduledBackupJob(
    IServiceScopeFactory scopes, DatabaseSchemaReadiness schema, IOptions<BackupOptions> options,
    IServiceProvider services, ILogger<ScheduledBackupJob> logger)
    : PeriodicJob(scopes, schema, logger)
{
    protected override string Name => "Scheduled backup";
    protected override bool Enabled => options.Value.Enabled ?? services.GetService<EmbeddedPostgresCluster>() is not null;
    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunPassAsync(ISender sender, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var directory = settings.Directory ?? throw new InvalidOperationException(
            "Backup:Directory is not set: the scheduled backup has nowhere to write.");
        var result = await sender.Send(
            new RunScheduledBackup(directory, settings.Interval, settings.RetentionCount, settings.VerifyAfterBackup), cancellationToken);
        if (result.Outcome == ScheduledBackupOutcome.BackedUp)
        {
            logger.LogInformation("Scheduled backup {Archive}; removed by retention: {Removed}", result.Archive,
                result.Removed.Count == 0 ? "none" : string.Join(", ", result.Removed.Select(Path.GetFileName)));
        }
    }
}
