using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Backups;
using NakamuraMisaki.Application.Backups.Commands.RunScheduledBackup;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Backups;

/// <summary>The scheduled backup's passes, sent directly (the shared host keeps the job off), with the test clock.</summary>
public sealed class ScheduledBackupTests(ApiFactory factory) : BackupTest(factory)
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    [Fact]
    public async Task Two_instances_back_up_once_per_interval_and_each_backup_is_verified()
    {
        await Client.CreateTaskAsync();
        await using var other = OtherInstance.Start(Factory.Database.ConnectionString, Factory.Clock);
        var pass = new RunScheduledBackup(Directory, Interval, RetentionCount: 7, Verify: true);

        for (var interval = 0; interval < 3; interval++)
        {
            // Twice each, at the same moment, as two instances whose timers fire together would.
            var results = await Task.WhenAll(SendAsync(pass), other.SendAsync(pass), SendAsync(pass), other.SendAsync(pass));

            Assert.Single(results, r => r.Outcome == ScheduledBackupOutcome.BackedUp);
            Assert.Equal(3, results.Count(r => r.Outcome == ScheduledBackupOutcome.AlreadyTaken));
            Factory.Clock.Advance(Interval);
        }

        Assert.Equal(3, System.IO.Directory.GetFiles(Directory, "*" + BackupManifest.ManifestExtension).Length);
        Assert.Equal(3L, await ScalarAsync<long>(Factory.Database.ConnectionString,
            "SELECT count(*) FROM backup_runs WHERE error IS NULL AND finished_at IS NOT NULL AND archive LIKE '%.dump'"));
    }

    [Fact]
    public async Task Retention_keeps_exactly_the_newest_N_backups()
    {
        await Client.CreateTaskAsync();
        var pass = new RunScheduledBackup(Directory, Interval, RetentionCount: 2, Verify: false);
        var archives = new List<string>();
        for (var interval = 0; interval < 4; interval++)
        {
            var result = await SendAsync(pass);
            Assert.Equal(ScheduledBackupOutcome.BackedUp, result.Outcome);
            archives.Add(result.Archive!);
            Factory.Clock.Advance(Interval);
        }

        Assert.Equal(archives[2..].Select(Path.GetFileName).Order(),
            System.IO.Directory.GetFiles(Directory, "*.dump").Select(Path.GetFileName).Order());
        Assert.Equal(2, System.IO.Directory.GetFiles(Directory, "*" + BackupManifest.ManifestExtension).Length);
    }

    [Fact]
    public async Task A_failed_backup_is_recorded_with_its_reason_and_counted_and_the_last_success_stays_on_metrics()
    {
        Assert.Equal(ScheduledBackupOutcome.BackedUp,
            (await SendAsync(new RunScheduledBackup(Directory, Interval, 7, Verify: false))).Outcome);
        Factory.Clock.Advance(Interval);
        var notADirectory = Path.Combine(Directory, "file");
        await File.WriteAllTextAsync(notADirectory, "");

        var failed = await SendAsync(new RunScheduledBackup(notADirectory, Interval, 7, Verify: false));

        Assert.Equal(ScheduledBackupOutcome.Failed, failed.Outcome);
        Assert.NotNull(await ScalarAsync<string>(Factory.Database.ConnectionString,
            "SELECT error FROM backup_runs WHERE error IS NOT NULL"));
        var metrics = await Factory.CreateAnonymousClient().GetStringAsync("/metrics");
        Assert.Contains("nakamura_misaki_backup_failures_total", metrics);
        Assert.Contains("nakamura_misaki_backup_last_success_age_seconds", metrics);
        Assert.Contains("nakamura_misaki_backup_last_success_size_bytes", metrics);
        Assert.Contains("nakamura_misaki_backup_interval_seconds", metrics);
    }

    private async Task<ScheduledBackupResult> SendAsync(RunScheduledBackup pass)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(pass);
    }
}
