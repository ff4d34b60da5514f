using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Backups;

public sealed class BackupRestoreTests(ApiFactory factory) : BackupTest(factory)
{
    [Fact]
    public async Task A_backup_taken_while_four_writers_run_restores_every_write_acknowledged_before_it()
    {
        using var stop = new CancellationTokenSource();
        var acknowledged = new ConcurrentQueue<Guid>();
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var response = await Client.PostAsJsonAsync(TaskRequests.Route,
                    new { title = $"writer {writer} task {i}", assignee_user_id = TaskRequests.Alice });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                acknowledged.Enqueue((await response.Content.ReadFromJsonAsync<IdOnly>())!.Id);
            }
        })).ToList();
        while (acknowledged.Count < 40)
        {
            await Task.Delay(20);
        }

        var beforeBackup = acknowledged.ToHashSet();
        var archive = await BackupAsync();
        var duringBackup = acknowledged.Count - beforeBackup.Count;
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var target = await CreateEmptyDatabaseAsync();
        var restore = await new BackupRunner(target).RunAsync("restore", archive);

        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Contains("ok   no pending migration", restore.Output);
        var restored = (await ScalarAsync<Guid[]>(target, "SELECT coalesce(array_agg(id), '{}') FROM tasks")).ToHashSet();
        Assert.Subset(restored, beforeBackup);             // nothing acknowledged before the backup is missing
        Assert.Subset(acknowledged.ToHashSet(), restored); // and nothing was made up
        Assert.True(duringBackup > 0, "the writers were not writing while the backup ran");
    }

    [Fact]
    public async Task A_backup_and_a_restore_each_leave_one_audit_event_the_restores_in_the_restored_database()
    {
        await Client.CreateTaskAsync("in the archive");
        var archive = await BackupAsync();
        var target = await CreateEmptyDatabaseAsync();

        var restore = await new BackupRunner(target).RunAsync("restore", archive);

        Assert.True(restore.ExitCode == 0, restore.Output);
        const string events = "SELECT coalesce(array_agg(operation || ' ' || client || ' ' || outcome ORDER BY id), '{}') FROM audit_events";
        Assert.Equal(["backup command-line succeeded"], await ScalarAsync<string[]>(Factory.Database.ConnectionString, events));
        Assert.Equal(["restore command-line succeeded"], await ScalarAsync<string[]>(target, events));
    }

    [Fact]
    public async Task Restore_refuses_a_database_that_holds_rows_and_changes_nothing()
    {
        await Client.CreateTaskAsync("in the archive");
        var archive = await BackupAsync();
        await Client.CreateTaskAsync("written after the backup");

        var refused = await Service.RunAsync("restore", archive);

        Assert.True(refused.ExitCode == 1, refused.Output);
        Assert.Contains("tasks (2)", refused.Output); // and audit_events: the backup recorded itself
        Assert.Equal(2L, await ScalarAsync<long>(Factory.Database.ConnectionString, "SELECT count(*) FROM tasks"));
    }

    [Fact]
    public async Task Restore_with_force_empties_a_database_that_holds_rows_first()
    {
        await Client.CreateTaskAsync("in the archive");
        var archive = await BackupAsync();
        var target = await CreateEmptyDatabaseAsync();
        Assert.Equal(0, (await new BackupRunner(target).RunAsync("restore", archive)).ExitCode);
        await ExecuteAsync(target, "UPDATE tasks SET title = 'changed after the restore'");

        Assert.Equal(1, (await new BackupRunner(target).RunAsync("restore", archive)).ExitCode);
        var forced = await new BackupRunner(target).RunAsync("restore", archive, "--force");

        Assert.True(forced.ExitCode == 0, forced.Output);
        Assert.Equal("in the archive", await ScalarAsync<string>(target, "SELECT string_agg(title, ',') FROM tasks"));
    }

    [Fact]
    public async Task An_archive_with_one_byte_changed_is_refused_by_its_checksum()
    {
        await Client.CreateTaskAsync();
        var archive = await BackupAsync();
        var bytes = await File.ReadAllBytesAsync(archive);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(archive, bytes);
        var target = await CreateEmptyDatabaseAsync();

        var restore = await new BackupRunner(target).RunAsync("restore", archive);
        var verify = await Service.RunAsync("backup", "verify", archive);

        Assert.True(restore.ExitCode == 1, restore.Output);
        Assert.Contains("FAIL archive checksum", restore.Output);
        Assert.False(await ScalarAsync<bool>(target, "SELECT to_regclass('public.tasks') IS NOT NULL"), "the restore touched the database");
        Assert.True(verify.ExitCode == 1, verify.Output);
        Assert.Contains("FAIL archive checksum", verify.Output);
    }

    private sealed record IdOnly(Guid Id);
}
