using NakamuraMisaki.Import;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Import;

public sealed class ImportRejectionTests(ApiFactory factory) : ImportTest(factory)
{
    [Theory]
    [InlineData(ImportSource.Sessions, "user_U01ABC123_sessions.json", "key \"bad-time\"", "'created_at': '05/01/2024 10:00' is not an ISO 8601")]
    [InlineData(ImportSource.Sessions, "user_U01ABC123_sessions.json", "key \"bad-count\"", "'message_count' must be a whole number")]
    [InlineData(ImportSource.Sessions, "user_U01ABC123_sessions.json", "key \"mismatch\"", "'session_id' \"other\" differs from its key")]
    [InlineData(ImportSource.Sessions, "user_U01ABC123_sessions.json", "key \"not-object\"", "expected a JSON object, found a number")]
    [InlineData(ImportSource.Sessions, "user_U01ABC123_sessions.json", "key \"wrong-user\"", "is not the file's user U01ABC123")]
    [InlineData(ImportSource.Sessions, "user_U02XYZ_sessions.json", "(whole file)", "not valid JSON at line 1")]
    [InlineData(ImportSource.Sessions, "user_U03DUP_sessions.json", "key \"dup-diff\"", "session_id dup-diff was already read at")]
    [InlineData(ImportSource.Notes, "decisions.json", "[2]", "'user_id' is missing")]
    [InlineData(ImportSource.Notes, "decisions.json", "[4]", "expected a JSON object, found a string")]
    [InlineData(ImportSource.Notes, "decisions.json", "[5]", "'category' must be lower-case letters")]
    [InlineData(ImportSource.Notes, "learnings.json", "[1]", "refused by the database")]
    [InlineData(ImportSource.Notes, "todos.json", "(whole file)", "expected an array of notes")]
    [InlineData(ImportSource.Notes, "errors.json", "(whole file)", "not valid JSON")]
    [InlineData(ImportSource.AgentTasks, "tasks.db", "rowid 2", "'uuid' \"nope\" is not a UUID")]
    [InlineData(ImportSource.AgentTasks, "tasks.db", "rowid 3", "'status' \"exploded\"")]
    [InlineData(ImportSource.AgentTasks, "tasks.db", "rowid 4", "a gitlab task cannot be a pull_request")]
    [InlineData(ImportSource.AgentTasks, "tasks.db", "rowid 6", "'llm_call_count' -1 is negative")]
    [InlineData(ImportSource.AgentTasks, "tasks.db", "rowid 8", "uuid 6f1c6a8e-0000-4000-8000-000000000005 was already read at")]
    public async Task Each_rejected_record_is_reported_with_its_file_position_and_reason(
        ImportSource source, string file, string position, string reason)
    {
        var run = await Importer.RunAsync(Stores.AllSources);

        var rejected = run.Source(source).Rejected
            .SingleOrDefault(r => Path.GetFileName(r.Location.File) == file && r.Location.Position == position);
        Assert.True(rejected is not null, $"No rejection of {file} {position} in:\n{run.Output}");
        Assert.Contains(reason, rejected.Reason, StringComparison.Ordinal);
        Assert.Contains($"{rejected.Location}: {rejected.Reason}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exact_duplicates_are_skipped_and_reported_with_the_first_position()
    {
        var run = await Importer.RunAsync(Stores.AllSources);

        var note = Assert.Single(run.Source(ImportSource.Notes).Duplicates);
        Assert.Equal(("[1]", "[0]"), (note.Location.Position, note.First.Position));
        var task = Assert.Single(run.Source(ImportSource.AgentTasks).Duplicates);
        Assert.Equal(("rowid 7", "rowid 1"), (task.Location.Position, task.First.Position));
        var session = Assert.Single(run.Source(ImportSource.Sessions).Duplicates);
        Assert.Equal("key \"dup-same\"", session.Location.Position);
        // Of two clashing records the first is kept.
        Assert.Equal("first", await ScalarAsync<string>("SELECT title FROM sessions WHERE session_id = 'dup-diff'"));
    }

    [Fact]
    public async Task A_row_the_database_refuses_costs_only_itself_not_its_batch()
    {
        var run = await Importer.RunAsync("--notes", Stores.NotesDirectory);

        Assert.Single(run.Source(ImportSource.Notes).Rejected, r => r.Reason.StartsWith("refused by the database", StringComparison.Ordinal));
        Assert.Equal(1, await ScalarAsync<long>("SELECT count(*) FROM notes WHERE category = 'learnings'"));
    }
}
