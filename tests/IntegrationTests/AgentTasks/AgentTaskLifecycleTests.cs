using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.AgentTasks.AgentTaskRequests;

namespace NakamuraMisaki.IntegrationTests.AgentTasks;

public sealed class AgentTaskLifecycleTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Registering_a_new_uuid_creates_a_running_run_with_zero_counters()
    {
        var uuid = Guid.NewGuid();
        var response = await Client.RegisterAsync(Run(uuid, source: "gitlab", owner: "group", repo: "1234",
            type: "merge_request", taskId: "88"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{Route}/{uuid}", response.Headers.Location?.OriginalString);
        var stored = await Client.GetOkJsonAsync($"{Route}/{uuid}");
        Assert.Equal(uuid.ToString(), stored.Uuid());
        Assert.Equal("running", stored.Status());
        Assert.Equal("gitlab", stored.GetProperty("task_source").GetString());
        Assert.Equal("group", stored.GetProperty("owner").GetString());
        Assert.Equal("1234", stored.GetProperty("repo").GetString());
        Assert.Equal("merge_request", stored.GetProperty("task_type").GetString());
        Assert.Equal("88", stored.GetProperty("task_id").GetString());
        Assert.Equal(ApiFactory.Epoch, stored.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(ApiFactory.Epoch, stored.GetProperty("started_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("completed_at").ValueKind);
        Assert.Equal(Pid, stored.GetProperty("process_id").GetInt32());
        Assert.Equal(Host, stored.GetProperty("hostname").GetString());
        Assert.Equal("anthropic", stored.GetProperty("llm_provider").GetString());
        Assert.Equal("claude-sonnet", stored.GetProperty("model").GetString());
        Assert.Equal(200_000, stored.GetProperty("context_length").GetInt32());
        Assert.Equal("alice", stored.GetProperty("user").GetString());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("error_message").ValueKind);
        foreach (var counter in new[] { "llm_call_count", "tool_call_count", "total_tokens", "compression_count" })
        {
            Assert.Equal(0, stored.GetProperty(counter).GetInt64());
        }

        Assert.False(stored.TryGetProperty("version", out _), "The version travels in the ETag header only.");
    }

    [Theory]
    [InlineData("complete", "completed")]
    [InlineData("stop", "stopped")]
    [InlineData("fail", "failed")]
    public async Task Ending_a_running_run_sets_its_status_and_completed_at(string transition, string status)
    {
        var run = await Client.RegisterNewAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(30));

        var response = await Client.EndAsync(run, transition);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}");
        Assert.Equal(status, stored.Status());
        Assert.Equal(ApiFactory.Epoch.AddMinutes(30), stored.GetProperty("completed_at").GetDateTimeOffset());
        Assert.Equal(ApiFactory.Epoch, stored.GetProperty("started_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Failing_records_the_error_message()
    {
        var run = await Client.RegisterNewAsync();
        var response = await Client.PostAsJsonAsync($"{Route}/{run.Uuid()}/fail", new { error_message = "rate limited: 429" });

        var failed = await ReadJsonAsync(response);
        Assert.Equal("failed", failed.Status());
        Assert.Equal("rate limited: 429", failed.GetProperty("error_message").GetString());
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("stopped")]
    public async Task Patch_status_ends_the_run_like_the_shortcuts(string status)
    {
        var run = await Client.RegisterNewAsync();
        var response = await Client.PatchAsJsonAsync($"{Route}/{run.Uuid()}", new { status });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(status, (await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}")).Status());
    }

    [Fact]
    public async Task Patch_status_failed_records_the_error_message()
    {
        var run = await Client.RegisterNewAsync();
        var response = await Client.PatchAsJsonAsync($"{Route}/{run.Uuid()}", new { status = "failed", error_message = "tests red" });

        var failed = await ReadJsonAsync(response);
        Assert.Equal("failed", failed.Status());
        Assert.Equal("tests red", failed.GetProperty("error_message").GetString());
    }

    [Fact]
    public async Task Registering_a_stopped_run_again_resumes_it_in_the_new_process()
    {
        var uuid = Guid.NewGuid();
        await Client.RegisterNewAsync(Run(uuid));
        await Client.AddStatisticsAsync(uuid.ToString(), new { llm_calls = 3, tokens = 900 });
        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await Client.PostAsync($"{Route}/{uuid}/stop", null);
        Factory.Clock.Advance(TimeSpan.FromHours(2));

        var response = await Client.RegisterAsync(Run(uuid, pid: 777, host: "worker-2", model: "claude-opus"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resumed = await Client.GetOkJsonAsync($"{Route}/{uuid}");
        Assert.Equal("running", resumed.Status());
        Assert.Equal(ApiFactory.Epoch.AddMinutes(130), resumed.GetProperty("started_at").GetDateTimeOffset());
        Assert.Equal(ApiFactory.Epoch, resumed.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("completed_at").ValueKind);
        Assert.Equal(777, resumed.GetProperty("process_id").GetInt32());
        Assert.Equal("worker-2", resumed.GetProperty("hostname").GetString());
        Assert.Equal("claude-opus", resumed.GetProperty("model").GetString());
        Assert.Equal(3, resumed.GetProperty("llm_call_count").GetInt64());
        Assert.Equal(900, resumed.GetProperty("total_tokens").GetInt64());

        // The resumed run can end again.
        Assert.Equal(HttpStatusCode.OK, (await Client.EndAsync(resumed, "complete")).StatusCode);
    }

    [Fact]
    public async Task The_same_process_registering_its_running_run_again_changes_nothing()
    {
        var uuid = Guid.NewGuid();
        var created = await Client.RegisterNewAsync(Run(uuid));
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var retry = await Client.RegisterAsync(Run(uuid));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var stored = await Client.GetOkJsonAsync($"{Route}/{uuid}");
        Assert.Equal(created.GetProperty("started_at").GetDateTimeOffset(), stored.GetProperty("started_at").GetDateTimeOffset());
        Assert.Equal(created.GetProperty("hostname").GetString(), stored.GetProperty("hostname").GetString());
    }

    public static TheoryData<string?, int?, string?> Conflicting_registrations() => new()
    {
        { null, 999, Host },            // another process takes over a live run
        { null, Pid, "worker-9" },      // same pid on another machine is another process
        { "complete", Pid, Host },      // a finished run is not reopened
        { "fail", Pid, Host },
    };

    [Theory]
    [MemberData(nameof(Conflicting_registrations))]
    public async Task Registering_a_run_that_cannot_be_resumed_answers_409_and_changes_nothing(
        string? endFirst, int? pid, string? host)
    {
        var uuid = Guid.NewGuid();
        var run = await Client.RegisterNewAsync(Run(uuid));
        if (endFirst is not null)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.EndAsync(run, endFirst)).StatusCode);
        }

        var before = await Client.GetOkJsonAsync($"{Route}/{uuid}");
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        await AssertProblemAsync(await Client.RegisterAsync(Run(uuid, pid: pid, host: host)), HttpStatusCode.Conflict);

        var after = await Client.GetOkJsonAsync($"{Route}/{uuid}");
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public async Task Registering_a_known_uuid_for_another_issue_answers_409()
    {
        var uuid = Guid.NewGuid();
        var run = await Client.RegisterNewAsync(Run(uuid, taskId: "17"));
        await Client.EndAsync(run, "stop");

        await AssertProblemAsync(await Client.RegisterAsync(Run(uuid, taskId: "18")), HttpStatusCode.Conflict);
        Assert.Equal("stopped", (await Client.GetOkJsonAsync($"{Route}/{uuid}")).Status());
    }

    public static TheoryData<string, string> Illegal_transitions() => new()
    {
        { "complete", "complete" },
        { "complete", "stop" },
        { "complete", "fail" },
        { "stop", "stop" },
        { "stop", "complete" },
        { "stop", "fail" },
        { "fail", "complete" },
        { "fail", "fail" },
    };

    [Theory]
    [MemberData(nameof(Illegal_transitions))]
    public async Task Ending_a_run_that_is_not_running_answers_409_and_changes_nothing(string first, string second)
    {
        var run = await Client.RegisterNewAsync();
        await Client.EndAsync(run, first);
        var before = await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}");
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        await AssertProblemAsync(await Client.EndAsync(run, second), HttpStatusCode.Conflict);

        Assert.Equal(before.ToString(), (await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}")).ToString());
    }

    [Fact]
    public async Task Deleting_removes_the_run()
    {
        var run = await Client.RegisterNewAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Route}/{run.Uuid()}")).StatusCode);

        await AssertProblemAsync(await Client.GetAsync($"{Route}/{run.Uuid()}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.DeleteAsync($"{Route}/{run.Uuid()}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PATCH", "")]
    [InlineData("POST", "/complete")]
    [InlineData("POST", "/stop")]
    [InlineData("POST", "/fail")]
    [InlineData("POST", "/statistics")]
    [InlineData("DELETE", "")]
    public async Task An_unknown_uuid_answers_404(string method, string suffix)
    {
        var body = method == "GET" || method == "DELETE" ? null
            : TaskRequests.Json(suffix switch
            {
                "" => """{"status":"completed"}""",
                "/fail" => """{"error_message":"x"}""",
                "/statistics" => """{"llm_calls":1}""",
                _ => "{}",
            });
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{Route}/{Guid.NewGuid()}{suffix}") { Content = body };

        await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.NotFound);
    }
}
