using System.Text;
using Npgsql;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Idempotency;

/// <summary>Shorthands for sending creates with an Idempotency-Key and counting what the database holds.</summary>
internal static class IdempotencyRequests
{
    public const string Header = "Idempotency-Key";

    /// <summary>Every create that honours the header, with a valid body for each (path, table, body).</summary>
    public static readonly (string Path, string Table, string Body)[] Creates =
    [
        ("/api/v1/tasks", "tasks", """{"title":"Write the report","assignee_user_id":"U0ALICE01"}"""),
        ("/api/v1/handoffs", "handoffs",
            """{"to_user_id":"U0BOB0002","progress_note":"half done","next_steps":"finish it"}"""),
        ("/api/v1/notes", "notes", """{"content":"remember the milk"}"""),
        ("/api/v1/sessions", "sessions", """{"title":"a session"}"""),
        ("/api/v1/agent-tasks", "agent_tasks",
            """{"uuid":"0193a000-0000-7000-8000-000000000017","task_source":"github","owner":"octo","repo":"hello","task_type":"issue","task_id":"17"}"""),
    ];

    public const string TaskBody = """{"title":"Write the report","assignee_user_id":"U0ALICE01"}""";

    public static Task<HttpResponseMessage> PostWithKeyAsync(
        this HttpClient client, string path, string body, string? key, string? actingUser = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(Header, key);
        }

        if (actingUser is not null)
        {
            request.Headers.Remove("X-Slack-User-Id");
            request.Headers.TryAddWithoutValidation("X-Slack-User-Id", actingUser);
        }

        return client.SendAsync(request);
    }

    public static async Task<long> CountAsync(this TestDatabase database, string table)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
