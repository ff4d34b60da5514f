using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Hostile;
using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Security;

/// <summary>A key does what its scopes allow: anything else is a 403 naming the scope, and changes nothing.</summary>
public sealed class ScopeTests(ApiFactory factory) : ApiTest(factory)
{
    private const string BotKey = "bot-key-least-privilege";
    private const string AgentKey = "agent-key-least-privilege";
    private const string BotScopes =
        "tasks:read tasks:write handoffs:read handoffs:write notes:read notes:write sessions:read sessions:write";

    private readonly StoredRows _stored = new(factory.Database.ConnectionString);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory.Keys.Set(("slack-bot", BotKey, BotScopes), ("coding-agent", AgentKey, "agent-tasks:read, agent-tasks:write"));
    }

    [Fact]
    public async Task The_agents_key_reaches_its_runs_and_nothing_else_and_a_refusal_names_the_scope_and_changes_nothing()
    {
        var note = await Client.SaveNoteAsync("本番DBの移行手順");
        using var agent = Factory.CreateClientWithKey(AgentKey);
        var before = await _stored.FingerprintAsync();

        var read = await agent.GetAsync($"{NoteRequests.Route}/{NoteRequests.Id(note)}");
        var delete = await agent.DeleteAsync($"{NoteRequests.Route}/{NoteRequests.Id(note)}");
        var maintenance = await agent.PostAsync("/api/v1/sessions/delete-inactive?days=1", null);

        await AssertForbiddenAsync(read, "notes:read");
        await AssertForbiddenAsync(delete, "notes:write");
        await AssertForbiddenAsync(maintenance, "maintenance");
        Assert.Equal(before, await _stored.FingerprintAsync());
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/agent-tasks")).StatusCode);
    }

    [Fact]
    public async Task The_bots_key_does_the_users_work_but_no_maintenance_and_no_agent_runs()
    {
        using var bot = Factory.CreateClientWithKey(BotKey);

        Assert.Equal(HttpStatusCode.Created, (await bot.PostAsJsonAsync(NoteRequests.Route, new { content = "メモ" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync(TaskRequests.Route)).StatusCode);
        await AssertForbiddenAsync(await bot.PostAsync("/api/v1/notes/re-embed", null), "maintenance");
        await AssertForbiddenAsync(await bot.GetAsync("/api/v1/agent-tasks"), "agent-tasks:read");
    }

    [Fact]
    public async Task A_missing_or_unknown_key_is_still_401_and_a_key_without_scopes_may_do_everything()
    {
        using var unknown = Factory.CreateClientWithKey("no-such-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync(TaskRequests.Route)).StatusCode);
        // The factory's own key has no scopes configured: today's behaviour (and a startup warning naming it).
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync("/api/v1/sessions/expire-idle?hours=1", null)).StatusCode);
    }

    [Fact]
    public async Task Head_needs_the_read_scope_like_get()
    {
        Factory.Keys.Set(("writer", "write-only-key", "tasks:write"));
        using var writer = Factory.CreateClientWithKey("write-only-key");

        var head = await writer.SendAsync(new HttpRequestMessage(HttpMethod.Head, TaskRequests.Route));

        Assert.Equal(HttpStatusCode.Forbidden, head.StatusCode);
    }

    internal static async Task AssertForbiddenAsync(HttpResponseMessage response, params string[] scopes)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"Expected 403, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(scopes, problem.GetProperty("missing_scopes").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.All(scopes, scope => Assert.Contains($"'{scope}'", problem.GetProperty("detail").GetString()));
    }
}
