using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.OpenApi;

/// <summary>
/// Runs every operation of the served document, to a success and to an error, and holds each response (status,
/// headers, body) to the document: the document cannot drift from the code without this test failing. A new
/// operation fails it until it is exercised here.
/// </summary>
public sealed class OpenApiContractTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Bob = "U0BOB0001";
    private static readonly string Missing = Guid.NewGuid().ToString();

    private OpenApiContract _contract = null!;
    private ContractRecorder _recorder = null!;
    private HttpClient _api = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var anonymous = Factory.CreateAnonymousClient();
        _contract = new OpenApiContract(await anonymous.GetStringAsync("/openapi/v1.json"));
        _recorder = new ContractRecorder(_contract);
        _api = Factory.CreateDefaultClient(_recorder);
        _api.DefaultRequestHeaders.Remove("X-Slack-User-Id"); // each request names its acting user

    }

    public override Task DisposeAsync()
    {
        _api.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task Every_operation_answers_as_the_document_says_on_success_and_on_error()
    {
        await Tasks();
        await Handoffs();
        await AgentTasks();
        await Notes();
        await Sessions();
        await Context();
        await Audit();
        await CrossCutting();

        Assert.True(_recorder.Problems.IsEmpty, string.Join("\n", _recorder.Problems.OrderBy(p => p)));
        var seen = _recorder.Seen.ToArray();
        var untested = _contract.OperationIds.Where(id => !seen.Any(s => s.OperationId == id && s.Status < 300)
            || !seen.Any(s => s.OperationId == id && s.Status >= 400)).ToArray();
        Assert.True(untested.Length == 0, "Not run to both a success and an error: " + string.Join(", ", untested));
    }

    [Fact]
    public async Task Every_operation_states_its_scopes_and_the_anonymous_operations_are_listed_as_exempt()
    {
        using var anonymous = Factory.CreateAnonymousClient();
        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var unscoped = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name} {path.Name}", Operation: op.Value)))
            .Where(op => !op.Operation.TryGetProperty("security", out var security) || security.GetArrayLength() != 1
                || security[0].GetProperty(OpenApiSecurity.SchemeId) is var scopes && (scopes.GetArrayLength() == 0
                    || scopes.EnumerateArray().Any(s => !ApiScopeNames.All.Contains(s.GetString()))))
            .Select(op => op.Name).ToArray();
        Assert.True(unscoped.Length == 0, "Without a known scope: " + string.Join(", ", unscoped));

        var exempt = document.GetProperty(OpenApiSecurity.AnonymousExtension).EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(OpenApiSecurity.AnonymousOperations, exempt);
        foreach (var path in exempt.Select(e => e.Split(' ')[1]))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public void The_contract_refuses_what_the_document_does_not_say()
    {
        var task = $"/api/v1/tasks/{Missing}";
        const string problem = "application/problem+json";

        Assert.NotEmpty(_contract.Check(HttpMethod.Get, task, 200, [], "application/json", "{\"id\":\"not-a-uuid\"}").Problems);
        Assert.NotEmpty(_contract.Check(HttpMethod.Get, task, 418, [], problem, "{}").Problems);
        Assert.NotEmpty(_contract.Check(HttpMethod.Post, "/api/v1/tasks", 201, [], "application/json", "{}").Problems);
        Assert.NotEmpty(_contract.Check(HttpMethod.Get, task, 404, [], problem, "{\"status\":\"404\",\"title\":\"Not found\"}").Problems);
        Assert.Empty(_contract.Check(HttpMethod.Get, task, 400, [], problem,
            "{\"status\":400,\"title\":\"t\",\"errors\":{\"limit\":[\"m\"]},\"trace_id\":\"x\"}").Problems);
    }

    private async Task Tasks()
    {
        var task = await Json(await Send(HttpMethod.Post, "/api/v1/tasks", new { title = "資料", assignee_user_id = Bob, due_at = "2026-06-15T09:00:00Z" }));
        var id = task.GetProperty("id").GetString();
        await Send(HttpMethod.Post, "/api/v1/tasks", new { title = "", assignee_user_id = Bob });
        await Send(HttpMethod.Post, "/api/v1/tasks", new { title = "plain", assignee_user_id = Bob, description = (string?)null });
        await Send(HttpMethod.Get, $"/api/v1/tasks?assignee={Bob}&status=pending&status=in_progress");
        await Send(HttpMethod.Get, "/api/v1/tasks?limit=0");
        await Send(HttpMethod.Get, "/api/v1/tasks/due-today?tz=Asia/Tokyo");
        await Send(HttpMethod.Get, "/api/v1/tasks/due-today?tz=Mars/Base");
        await Send(HttpMethod.Get, "/api/v1/tasks/overdue");
        await Send(HttpMethod.Get, "/api/v1/tasks/overdue?offset=-1");
        await Send(HttpMethod.Get, "/api/v1/tasks/stale?days=3");
        await Send(HttpMethod.Get, "/api/v1/tasks/stale?days=0");
        await Send(HttpMethod.Get, "/api/v1/tasks/search?q=資料");
        await Send(HttpMethod.Get, "/api/v1/tasks/search?q=");
        await Send(HttpMethod.Get, $"/api/v1/tasks/{id}");
        await Send(HttpMethod.Get, $"/api/v1/tasks/{Missing}");
        await Send(HttpMethod.Patch, $"/api/v1/tasks/{id}", new { title = "新しい題", description = (string?)null });
        await Send(HttpMethod.Patch, $"/api/v1/tasks/{id}", new { title = "x" }, ifMatch: "\"1\"");
        await Send(HttpMethod.Post, $"/api/v1/tasks/{id}/start");
        await Send(HttpMethod.Post, $"/api/v1/tasks/{id}/start");
        await Send(HttpMethod.Post, $"/api/v1/tasks/{id}/complete");
        await Send(HttpMethod.Post, $"/api/v1/tasks/{id}/complete");
        await Send(HttpMethod.Post, $"/api/v1/tasks/{id}/cancel");
        var other = await Json(await Send(HttpMethod.Post, "/api/v1/tasks", new { title = "別", assignee_user_id = Bob }));
        await Send(HttpMethod.Post, $"/api/v1/tasks/{other.GetProperty("id").GetString()}/cancel");
        await Send(HttpMethod.Delete, $"/api/v1/tasks/{id}", ifMatch: "\"1\"");
        await Send(HttpMethod.Delete, $"/api/v1/tasks/{id}");
    }

    private async Task Handoffs()
    {
        var handoff = await Json(await Send(HttpMethod.Post, "/api/v1/handoffs", new { to_user_id = Bob, progress_note = "半分", next_steps = "残り" }));
        var id = handoff.GetProperty("id").GetString();
        await Send(HttpMethod.Post, "/api/v1/handoffs", new { to_user_id = ApiFactory.DefaultActingUser, progress_note = "a", next_steps = "b" });
        await Send(HttpMethod.Get, "/api/v1/handoffs/pending", actingUser: Bob);
        await Send(HttpMethod.Get, "/api/v1/handoffs/pending?limit=101");
        await Send(HttpMethod.Get, "/api/v1/handoffs/sent?include_completed=false");
        await Send(HttpMethod.Get, "/api/v1/handoffs/sent?sender=lower");
        await Send(HttpMethod.Get, $"/api/v1/handoffs/{id}");
        await Send(HttpMethod.Get, $"/api/v1/handoffs/{Missing}");
        await Send(HttpMethod.Post, $"/api/v1/handoffs/{id}/accept");
        await Send(HttpMethod.Post, $"/api/v1/handoffs/{id}/accept", actingUser: Bob);
        await Send(HttpMethod.Post, $"/api/v1/handoffs/{id}/complete");
        await Send(HttpMethod.Post, $"/api/v1/handoffs/{id}/complete");
        await Send(HttpMethod.Delete, $"/api/v1/handoffs/{id}", ifMatch: "\"1\"");
        await Send(HttpMethod.Delete, $"/api/v1/handoffs/{id}");
    }

    private async Task AgentTasks()
    {
        var uuid = Guid.NewGuid();
        object Run(string taskId) => new { uuid, task_source = "github", owner = "o", repo = "r", task_type = "issue", task_id = taskId, process_id = 42, hostname = "h" };
        await Send(HttpMethod.Post, "/api/v1/agent-tasks", Run("1"));
        await Send(HttpMethod.Post, "/api/v1/agent-tasks", Run("1"));
        await Send(HttpMethod.Post, "/api/v1/agent-tasks", Run("2"));
        await Send(HttpMethod.Post, "/api/v1/agent-tasks", new { uuid = Guid.NewGuid(), task_source = "github", owner = "o", repo = "r", task_type = "issue", task_id = "9" }, ifMatch: "\"5\"");
        await Send(HttpMethod.Post, "/api/v1/agent-tasks", new { uuid, task_source = (string?)null });
        await Send(HttpMethod.Get, "/api/v1/agent-tasks?status=running&status=failed");
        await Send(HttpMethod.Get, "/api/v1/agent-tasks?status=bogus");
        await Send(HttpMethod.Get, "/api/v1/agent-tasks/by-repository?task_source=github&owner=o&repo=r");
        await Send(HttpMethod.Get, "/api/v1/agent-tasks/by-repository?task_source=svn&owner=o&repo=r");
        await Send(HttpMethod.Get, $"/api/v1/agent-tasks/{uuid}");
        await Send(HttpMethod.Get, $"/api/v1/agent-tasks/{Missing}");
        await Send(HttpMethod.Post, $"/api/v1/agent-tasks/{uuid}/statistics", new { llm_calls = 2, tokens = 100 });
        await Send(HttpMethod.Post, $"/api/v1/agent-tasks/{uuid}/statistics", new { llm_calls = -1 });
        await Send(HttpMethod.Post, $"/api/v1/agent-tasks/{uuid}/stop");
        await Send(HttpMethod.Post, $"/api/v1/agent-tasks/{uuid}/stop");
        await Send(HttpMethod.Post, "/api/v1/agent-tasks", Run("1"));
        await Send(HttpMethod.Post, $"/api/v1/agent-tasks/{uuid}/fail", new { error_message = (string?)null });
        await Send(HttpMethod.Post, $"/api/v1/agent-tasks/{uuid}/complete");
        await Send(HttpMethod.Post, $"/api/v1/agent-tasks/{uuid}/complete");
        await Send(HttpMethod.Patch, $"/api/v1/agent-tasks/{uuid}", new { status = "failed", error_message = "late" });
        var second = Guid.NewGuid();
        await Send(HttpMethod.Post, "/api/v1/agent-tasks", new { uuid = second, task_source = "gitlab", owner = "g", repo = "7", task_type = "merge_request", task_id = "3" });
        await Send(HttpMethod.Patch, $"/api/v1/agent-tasks/{second}", new { status = "stopped" });
        await Send(HttpMethod.Post, "/api/v1/agent-tasks", new { uuid = second, task_source = "gitlab", owner = "g", repo = "7", task_type = "merge_request", task_id = "3" });
        await Send(HttpMethod.Post, $"/api/v1/agent-tasks/{second}/fail", new { error_message = "Traceback…" });
        await Send(HttpMethod.Delete, $"/api/v1/agent-tasks/{uuid}", ifMatch: "\"1\"");
        await Send(HttpMethod.Delete, $"/api/v1/agent-tasks/{uuid}");
    }

    private async Task Notes()
    {
        var note = await Json(await Send(HttpMethod.Post, "/api/v1/notes", new { content = "デプロイ手順", category = "decisions", session_id = "s-1" }));
        var id = note.GetProperty("id").GetString();
        await Send(HttpMethod.Post, "/api/v1/notes", new { content = "x", category = "Not Valid" });
        await Send(HttpMethod.Get, "/api/v1/notes?category=decisions");
        await Send(HttpMethod.Get, "/api/v1/notes?limit=1000");
        await Send(HttpMethod.Get, "/api/v1/notes/search?q=デプロイ");
        await Send(HttpMethod.Get, "/api/v1/notes/search?q=%20");
        await Send(HttpMethod.Get, "/api/v1/notes/by-session/s-1");
        await Send(HttpMethod.Get, "/api/v1/notes/by-session/s-1?limit=0");
        await Send(HttpMethod.Get, $"/api/v1/notes/{id}");
        await Send(HttpMethod.Get, $"/api/v1/notes/{Missing}");
        await Send(HttpMethod.Post, "/api/v1/notes/re-embed");
        await Send(HttpMethod.Post, "/api/v1/notes/re-embed?limit=0");
        await Send(HttpMethod.Delete, $"/api/v1/notes/{id}");
        await Send(HttpMethod.Delete, $"/api/v1/notes/{id}");
    }

    private async Task Sessions()
    {
        await Send(HttpMethod.Get, "/api/v1/sessions/latest");
        await Send(HttpMethod.Post, "/api/v1/sessions", new { session_id = "s-1", title = "朝会", options = new { model = "m", turns = 3 } });
        await Send(HttpMethod.Post, "/api/v1/sessions", new { session_id = "s-1" });
        await Send(HttpMethod.Post, "/api/v1/sessions", new { workspace_path = (string?)null });
        await Send(HttpMethod.Get, "/api/v1/sessions?active=true");
        await Send(HttpMethod.Get, "/api/v1/sessions?limit=0");
        await Send(HttpMethod.Get, "/api/v1/sessions/latest");
        await Send(HttpMethod.Get, "/api/v1/sessions/s-1");
        await Send(HttpMethod.Get, "/api/v1/sessions/unknown-session");
        await Send(HttpMethod.Post, "/api/v1/sessions/s-1/touch");
        await Send(HttpMethod.Post, "/api/v1/sessions/unknown-session/touch");
        await Send(HttpMethod.Post, "/api/v1/sessions/s-1/messages", new { role = "user", content = "おはよう", slack_ts = "1700000000.000100" });
        await Send(HttpMethod.Post, "/api/v1/sessions/s-1/messages", new { role = "user", content = "おはよう", slack_ts = "1700000000.000100" });
        await Send(HttpMethod.Post, "/api/v1/sessions/s-1/messages", new { role = "robot", content = "x" });
        await Send(HttpMethod.Post, "/api/v1/sessions/s-1/messages/batch", new { messages = new object[] { new { role = "assistant", content = "はい" }, new { role = "tool", content = "ok", metadata = new { a = 1 } } } });
        await Send(HttpMethod.Post, "/api/v1/sessions/s-1/messages/batch", new { messages = Array.Empty<object>() });
        await Send(HttpMethod.Get, "/api/v1/sessions/s-1/messages?after_seq=0&limit=10");
        await Send(HttpMethod.Get, "/api/v1/sessions/s-1/messages?last=2");
        await Send(HttpMethod.Get, "/api/v1/sessions/unknown-session/messages");
        await Send(HttpMethod.Get, "/api/v1/sessions/s-1/messages/1");
        await Send(HttpMethod.Get, "/api/v1/sessions/s-1/messages/999");
        await Send(HttpMethod.Get, "/api/v1/sessions/messages/search?q=おはよう");
        await Send(HttpMethod.Get, "/api/v1/sessions/messages/search?q=");
        await Send(HttpMethod.Delete, "/api/v1/sessions/s-1/messages/before/2");
        await Send(HttpMethod.Delete, "/api/v1/sessions/unknown-session/messages/before/2");
        await Send(HttpMethod.Delete, "/api/v1/sessions/s-1/messages");
        await Send(HttpMethod.Delete, "/api/v1/sessions/unknown-session/messages");
        await Send(HttpMethod.Post, "/api/v1/sessions/expire-idle?hours=1");
        await Send(HttpMethod.Post, "/api/v1/sessions/expire-idle?hours=0");
        await Send(HttpMethod.Post, "/api/v1/sessions/delete-inactive?days=30");
        await Send(HttpMethod.Post, "/api/v1/sessions/delete-inactive?days=0");
    }

    private async Task Audit()
    {
        var page = await Json(await Send(HttpMethod.Get, "/api/v1/audit?operation=note.delete&limit=1"));
        await Send(HttpMethod.Get, $"/api/v1/audit?limit=1&before_id={page.GetProperty("next_before_id")}");
        await Send(HttpMethod.Get, "/api/v1/audit?limit=0");
    }

    /// <summary>The answers every operation shares: no key, no acting user, too large, not JSON.</summary>
    private async Task Context()
    {
        await Send(HttpMethod.Post, "/api/v1/sessions", new { session_id = "s-context" });
        await Send(HttpMethod.Post, "/api/v1/sessions/s-context/messages", new { role = "user", content = "デプロイ手順を教えて 🍣" });
        await Send(HttpMethod.Post, "/api/v1/tasks", new { title = "デプロイ", assignee_user_id = ApiFactory.DefaultActingUser, due_at = "2026-06-14T09:00:00Z" });
        await Send(HttpMethod.Post, "/api/v1/handoffs", new { to_user_id = ApiFactory.DefaultActingUser, progress_note = "半分", next_steps = "デプロイ" }, actingUser: Bob);
        await Send(HttpMethod.Post, "/api/v1/context", new { query = "デプロイ手順", session_id = "s-context", budget_tokens = 4000 });
        await Send(HttpMethod.Post, "/api/v1/context", new { query = "デプロイ手順", budget_tokens = 3, tokenizer = "cl100k_base", include = new[] { "note", "past_message" } });
        await Send(HttpMethod.Post, "/api/v1/context", new { query = "デプロイ手順", budget_tokens = 0, include = new[] { "memories" } });
        await Send(HttpMethod.Post, "/api/v1/context", new { query = "デプロイ手順", session_id = "not-mine", budget_tokens = 100 });
    }

    private async Task CrossCutting()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks");
        request.Headers.Authorization = new("Bearer", "wrong-key");
        await _api.SendAsync(request);
        await Send(HttpMethod.Get, "/api/v1/notes", actingUser: "");
        await Send(HttpMethod.Post, "/api/v1/notes", new { content = new string('x', 1_100_000) });
        using var latin = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notes")
        {
            Content = new StringContent("{\"content\":\"x\"}", Encoding.UTF8, "application/json"),
        };
        latin.Content.Headers.ContentType!.CharSet = "bogus";
        await _api.SendAsync(latin);
        Factory.Keys.Set(("reader", "reader-key", "tasks:read"));
        using var forbidden = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tasks/{Missing}");
        forbidden.Headers.Authorization = new("Bearer", "reader-key");
        forbidden.Headers.Add("X-Slack-User-Id", ApiFactory.DefaultActingUser);
        await _api.SendAsync(forbidden);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body = null,
        string? ifMatch = null, string actingUser = ApiFactory.DefaultActingUser)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: new JsonSerializerOptions { PropertyNamingPolicy = null });
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (actingUser.Length > 0)
        {
            request.Headers.Add("X-Slack-User-Id", actingUser);
        }

        return await _api.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
