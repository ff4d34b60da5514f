using NakamuraMisaki.Import;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Import;

public sealed class ImportModesTests(ApiFactory factory) : ImportTest(factory)
{
    [Fact]
    public async Task A_dry_run_reports_what_would_be_imported_and_writes_nothing()
    {
        var run = await Importer.RunAsync([.. Stores.AllSources, "--dry-run"]);

        Assert.Equal((5, 0), (run.Source(ImportSource.Sessions).Missing.Count, run.Source(ImportSource.Sessions).Imported));
        // The note with a NUL character passes validation; staging it for the comparison finds it, as an import would.
        Assert.Equal((3, 6), (run.Source(ImportSource.Notes).Missing.Count, run.Source(ImportSource.Notes).Rejected.Count));
        Assert.Equal(2, run.Source(ImportSource.AgentTasks).Missing.Count);
        Assert.Contains("dry run: nothing was written", run.Output);
        Assert.Equal((0L, 0L, 0L), (await CountAsync("sessions"), await CountAsync("notes"), await CountAsync("agent_tasks")));
    }

    [Fact]
    public async Task A_dry_run_after_an_import_would_import_nothing()
    {
        await Importer.RunAsync("--agent-tasks", Stores.AgentTasksDatabase);

        var run = await Importer.RunAsync("--agent-tasks", Stores.AgentTasksDatabase, "--dry-run");

        Assert.Equal((0, 2), (run.Source(ImportSource.AgentTasks).Missing.Count, run.Source(ImportSource.AgentTasks).AlreadyPresent));
    }

    [Fact]
    public async Task Verify_finds_a_deleted_row_and_a_changed_one()
    {
        await Importer.RunAsync(Stores.AllSources);
        await ExecuteAsync($"DELETE FROM agent_tasks WHERE uuid = '{AgentTaskRows.EpochCreated}'");
        await ExecuteAsync("UPDATE sessions SET message_count = 99 WHERE session_id = 's-naive'");

        var run = await Importer.RunAsync([.. Stores.AllSources, "--verify"]);

        var missing = Assert.Single(run.Source(ImportSource.AgentTasks).Missing);
        Assert.Equal((AgentTaskRows.EpochCreated, "rowid 5"), (missing.Key, missing.Location.Position));
        var changed = Assert.Single(run.Source(ImportSource.Sessions).Conflicts);
        Assert.Equal("s-naive", changed.Key);
        Assert.Equal(["message_count"], changed.DifferingColumns);
        Assert.Empty(run.Source(ImportSource.Notes).Conflicts);
        Assert.Contains($"missing    {missing.Location}: {AgentTaskRows.EpochCreated}", run.Output);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1L, await CountAsync("agent_tasks")); // verify writes nothing back
    }

    [Fact]
    public async Task Verify_of_a_complete_import_exits_with_zero()
    {
        File.Delete(Stores.AgentTasksDatabase);
        AgentTaskRows.Write(Stores.AgentTasksDatabase, AgentTaskRows.Dirty.Take(1));
        await Importer.RunAsync("--agent-tasks", Stores.AgentTasksDatabase);

        var run = await Importer.RunAsync("--agent-tasks", Stores.AgentTasksDatabase, "--verify");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Every valid record is in the database as read.", run.Output);
    }

    [Fact]
    public async Task A_stored_row_with_other_content_is_reported_as_a_conflict_and_left_unchanged()
    {
        await Importer.RunAsync("--sessions", Stores.SessionsDirectory);
        await ExecuteAsync("UPDATE sessions SET title = 'renamed', last_active = last_active + interval '1 hour' WHERE session_id = 's-frac'");

        var run = await Importer.RunAsync("--sessions", Stores.SessionsDirectory);

        var conflict = Assert.Single(run.Source(ImportSource.Sessions).Conflicts);
        Assert.Equal("s-frac", conflict.Key);
        Assert.Equal(["title", "last_active"], conflict.DifferingColumns);
        Assert.Equal("renamed", await ScalarAsync<string>("SELECT title FROM sessions WHERE session_id = 's-frac'"));
        Assert.Equal(4, run.Source(ImportSource.Sessions).AlreadyPresent);
        Assert.Equal(1, run.ExitCode);
    }
}
