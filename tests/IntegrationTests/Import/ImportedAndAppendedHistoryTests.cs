using NakamuraMisaki.IntegrationTests.Sessions;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Import;

/// <summary>
/// The API and the importer write session messages by one protocol (SessionAppendProtocol): the same history, appended
/// or imported, leaves its session in the same state.
/// </summary>
public sealed class ImportedAndAppendedHistoryTests(ApiFactory factory) : ImportTest(factory)
{
    private const string SessionColumns = 
        "message_count || '|' || last_message_seq || '|' || to_char(last_active AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '|' || is_active";

    [Fact]
    public async Task The_same_history_appended_and_imported_leaves_the_same_count_last_seq_and_last_active()
    {
        using var client = Factory.CreateClient();
        await client.CreateSessionAsync("appended");
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await client.AppendBatchAsync("appended", "1", "2");
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await client.AppendAsync("appended", "3");

        WriteSessions("""
            "imported": {"user_id": "U0ALICE01", "created_at": "2026-06-15T03:00:00Z", "message_history": [
              {"role": "user", "content": "1", "timestamp": "2026-06-15T03:05:00Z"},
              {"role": "user", "content": "2", "timestamp": "2026-06-15T03:05:00Z"},
              {"role": "user", "content": "3", "timestamp": "2026-06-15T03:07:00Z"}]}
            """);
        await Importer.RunAsync("--sessions", Stores.SessionsDirectory);

        var appended = await SessionRowAsync("appended");
        Assert.StartsWith("3|3|2026-06-15 03:07:00", appended);
        Assert.Equal(appended, await SessionRowAsync("imported"));
    }

    [Fact]
    public async Task An_old_history_imported_into_an_inactive_session_leaves_it_inactive_and_an_append_revives_it()
    {
        WriteSessions("""
            "old": {"user_id": "U0ALICE01", "created_at": "2024-01-05T09:00:00Z", "last_active": "2024-01-05T09:10:00Z",
                    "is_active": false, "message_count": 5, "message_history": [
              {"role": "user", "content": "1", "timestamp": "2024-01-05T09:00:00Z"},
              {"role": "assistant", "content": "2", "timestamp": "2024-01-05T09:10:00Z"}]}
            """);
        await Importer.RunAsync("--sessions", Stores.SessionsDirectory);
        Assert.StartsWith("5|2|2024-01-05 09:10:00", await SessionRowAsync("old"));
        Assert.EndsWith("|false", await SessionRowAsync("old"));

        using var client = Factory.CreateClient();
        await client.AppendAsync("old", "back again");

        // The file counted its history; an append counts its message.
        Assert.StartsWith("6|3|2026-06-15 03:00:00", await SessionRowAsync("old"));
        Assert.EndsWith("|true", await SessionRowAsync("old"));
    }

    private void WriteSessions(string members)
    {
        System.IO.Directory.CreateDirectory(Stores.SessionsDirectory);
        foreach (var file in System.IO.Directory.EnumerateFiles(Stores.SessionsDirectory))
        {
            File.Delete(file);
        }

        File.WriteAllText(Path.Combine(Stores.SessionsDirectory, "user_U0ALICE01_sessions.json"), "{" + members + "}");
    }

    private async Task<string> SessionRowAsync(string sessionId)
    {
        return (await ScalarAsync<string>($"SELECT {SessionColumns} FROM sessions WHERE session_id = $1", sessionId))!;
    }
}
