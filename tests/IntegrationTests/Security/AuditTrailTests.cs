using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Audit.Commands.DeleteExpiredAuditEvents;
using NakamuraMisaki.Application.Audit.Commands.RecordAuthenticationFailures;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.IntegrationTests.Hostile;
using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using Microsoft.EntityFrameworkCore;

namespace NakamuraMisaki.IntegrationTests.Security;

/// <summary>Every delete and maintenance pass leaves exactly one audit event, in its own transaction; a refused or rolled-back one leaves none.</summary>
public sealed class AuditTrailTests(ApiFactory factory) : ApiTest(factory)
{
    private const string OperatorKey = "operator-key";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory.Keys.Set(("operator", OperatorKey, "maintenance"));
    }

    [Fact]
    public async Task Each_destructive_operation_leaves_exactly_one_event_naming_client_user_operation_and_resource()
    {
        var task = await Client.CreateTaskAsync(creator: TaskRequests.Alice);
        var note = await Client.SaveNoteAsync("消すメモ");
        var handoff = await Client.PostAsJsonAsync("/api/v1/handoffs", new { to_user_id = "U0BOB0002", progress_note = "a", next_steps = "b" });
        var handoffId = (await ReadJsonAsync(handoff)).GetProperty("id").GetString();
        var run = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/v1/agent-tasks", new { uuid = run, task_source = "github", owner = "o", repo = "r", task_type = "issue", task_id = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/v1/sessions", new { session_id = "s-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/v1/sessions/s-1/messages/batch", new { messages = new[] { new { role = "user", content = "a" }, new { role = "user", content = "b" } } })).StatusCode);

        var requests = new (HttpMethod Method, string Path, string Operation, string? Resource, string? User)[]
        {
            (HttpMethod.Delete, $"{TaskRequests.Route}/{TaskRequests.Id(task)}", "task.delete", TaskRequests.Id(task), TaskRequests.Alice),
            (HttpMethod.Delete, $"{NoteRequests.Route}/{NoteRequests.Id(note)}", "note.delete", NoteRequests.Id(note), TaskRequests.Alice),
            (HttpMethod.Delete, $"/api/v1/handoffs/{handoffId}", "handoff.delete", handoffId, TaskRequests.Alice),
            (HttpMethod.Delete, $"/api/v1/agent-tasks/{run}", "agent_task.delete", run.ToString(), null),
            (HttpMethod.Delete, "/api/v1/sessions/s-1/messages/before/2", "session.messages.trim", "s-1/before/2", TaskRequests.Alice),
            (HttpMethod.Delete, "/api/v1/sessions/s-1/messages", "session.messages.delete", "s-1", TaskRequests.Alice),
            (HttpMethod.Post, "/api/v1/sessions/expire-idle?hours=1", "sessions.expire_idle", null, null),
            (HttpMethod.Post, "/api/v1/sessions/delete-inactive?days=1", "sessions.delete_inactive", null, null),
            (HttpMethod.Post, "/api/v1/notes/re-embed", "notes.re_embed", null, null),
        };
        foreach (var (method, path, operation, resource, user) in requests)
        {
            var response = await Client.SendAsync(new HttpRequestMessage(method, path));
            Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");

            var events = await ReadAuditAsync($"operation={operation}");
            var recorded = Assert.Single(events);
            Assert.Equal(ApiFactory.ApiClient, recorded.GetProperty("client").GetString());
            Assert.Equal(user, recorded.GetProperty("acting_user").GetString());
            Assert.Equal(resource, recorded.GetProperty("resource_id").GetString());
            Assert.Equal("succeeded", recorded.GetProperty("outcome").GetString());
        }

        var trim = Assert.Single(await ReadAuditAsync("operation=session.messages.trim"));
        Assert.Equal(1, trim.GetProperty("details").GetProperty("deleted").GetInt32());
        Assert.Equal(requests.Length, (await ReadAuditAsync("")).Length);
    }

    [Fact]
    public async Task A_refused_or_failed_destructive_request_leaves_no_event()
    {
        var task = await Client.CreateTaskAsync(creator: TaskRequests.Alice);
        var stored = new StoredRows(Factory.Database.ConnectionString);
        var before = await stored.FingerprintAsync();

        var stale = new HttpRequestMessage(HttpMethod.Delete, $"{TaskRequests.Route}/{TaskRequests.Id(task)}");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Client.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync($"{NoteRequests.Route}/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.SendAsAsync(HttpMethod.Delete, $"{TaskRequests.Route}/{TaskRequests.Id(task)}", "U0CAROL03")).StatusCode);

        Assert.Equal(before, await stored.FingerprintAsync());
        Assert.Empty(await ReadAuditAsync(""));
    }

    [Fact]
    public async Task A_change_that_rolls_back_takes_its_event_with_it_and_one_that_commits_keeps_it()
    {
        var note = await Client.SaveNoteAsync("消えないメモ");
        var id = Guid.Parse(NoteRequests.Id(note));

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => trail.RecordWithAsync<int>(async token =>
            {
                await db.Notes.Where(n => n.Id == id).ExecuteDeleteAsync(token);
                throw new InvalidOperationException("the change fails after its delete");
            }, deleted => new AuditEntry("note.delete", id.ToString(), AuditOutcomes.Succeeded, new { deleted }), CancellationToken.None));
        }

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"{NoteRequests.Route}/{id}")).StatusCode);
        Assert.Empty(await ReadAuditAsync(""));
    }

    [Fact]
    public async Task Refused_requests_are_written_aggregated_per_minute_by_client_or_unknown_and_address()
    {
        Factory.Services.GetRequiredService<AuthenticationFailureTally>().Drain(); // other tests' refusals
        using var unknown = Factory.CreateClientWithKey("guessed-key");
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync(TaskRequests.Route)).StatusCode);
        }

        using var operatorClient = Factory.CreateClientWithKey(OperatorKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync(TaskRequests.Route)).StatusCode);

        var written = await Factory.SendAsync(new RecordAuthenticationFailures());

        Assert.Equal((2, 26), (written.Events, written.Refusals));
        var unauthenticated = Assert.Single(await ReadAuditAsync("operation=auth.unauthenticated"));
        Assert.Equal(("unknown", 25), (unauthenticated.GetProperty("client").GetString(), unauthenticated.GetProperty("count").GetInt32()));
        var forbidden = Assert.Single(await ReadAuditAsync("operation=auth.forbidden"));
        Assert.Equal(("operator", 1), (forbidden.GetProperty("client").GetString(), forbidden.GetProperty("count").GetInt32()));
        Assert.Equal((0, 0), ((await Factory.SendAsync(new RecordAuthenticationFailures())).Events, 0));
    }

    [Fact]
    public void The_tally_counts_per_client_and_address_and_many_addresses_share_one_overflow_count()
    {
        var tally = new AuthenticationFailureTally();
        tally.Record(AuditOperations.Unauthenticated, "unknown", "203.0.113.9");
        tally.Record(AuditOperations.Unauthenticated, "unknown", "203.0.113.9");
        for (var i = 0; i < AuthenticationFailureTally.MaxKeys + 500; i++)
        {
            tally.Record(AuditOperations.Unauthenticated, "unknown", $"10.0.{i / 256}.{i % 256}");
        }

        var counts = tally.Drain();

        Assert.Equal(AuthenticationFailureTally.MaxKeys + 1, counts.Count);
        Assert.Contains(("auth.unauthenticated", "unknown", (string?)"203.0.113.9", 2), counts);
        Assert.Contains(counts, c => c.Address == AuthenticationFailureTally.OverflowAddress && c.Count == 501);
        Assert.Empty(tally.Drain());
    }

    [Fact]
    public async Task The_trail_is_read_with_the_maintenance_scope_filtered_and_paged_and_kept_for_the_retention_days()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync("/api/v1/sessions/expire-idle?hours=1", null)).StatusCode);
            Factory.Clock.Advance(TimeSpan.FromDays(200));
        }

        using var operatorClient = Factory.CreateClientWithKey(OperatorKey);
        var first = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=2");
        var second = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/audit?limit=2&before_id={first.GetProperty("next_before_id")}");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_before_id").ValueKind);
        Assert.Empty((await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/audit?client=someone-else")).GetProperty("items").EnumerateArray());
        Assert.Single((await operatorClient.GetFromJsonAsync<JsonElement>(
            $"/api/v1/audit?from={Uri.EscapeDataString(ApiFactory.Epoch.AddDays(100).ToString("O"))}&to={Uri.EscapeDataString(ApiFactory.Epoch.AddDays(300).ToString("O"))}"))
            .GetProperty("items").EnumerateArray());
        Factory.Keys.Set(("operator", OperatorKey, "maintenance"), ("bot", "bot-key", "tasks:read notes:read"));
        using var bot = Factory.CreateClientWithKey("bot-key");
        await ScopeTests.AssertForbiddenAsync(await bot.GetAsync("/api/v1/audit"), "maintenance");

        // Now 600 days after the first pass: the first two are past 365 days.
        var retention = await Factory.SendAsync(new DeleteExpiredAuditEvents(365));

        Assert.Equal(2, retention.Deleted);
        var left = await ReadAuditAsync("");
        Assert.Equal(["audit.retention", "sessions.expire_idle"], left.Select(e => e.GetProperty("operation").GetString()));
        Assert.Equal(2, left[0].GetProperty("details").GetProperty("deleted").GetInt32());
    }

    private async Task<JsonElement[]> ReadAuditAsync(string query)
    {
        using var operatorClient = Factory.CreateClientWithKey(OperatorKey);
        var page = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/audit?limit=1000&{query}");
        return page.GetProperty("items").EnumerateArray().ToArray();
    }
}
