using System.Net;
using NakamuraMisaki.IntegrationTests.AgentTasks;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.AgentTasks.AgentTaskRequests;

namespace NakamuraMisaki.IntegrationTests.Concurrency;

public sealed class AgentTaskETagTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Every_write_answers_a_new_ETag_that_GET_then_reports()
    {
        var uuid = Guid.NewGuid();
        var uri = $"{Route}/{uuid}";
        var seen = new List<string> { (await Client.RegisterAsync(Run(uuid))).ETag() };
        Assert.Equal(seen[^1], await Client.ETagOfAsync(uri));

        // Statistics answer 204 without a body or ETag, but they change the row, so its version moves on too.
        await Client.AddStatisticsAsync(uuid.ToString(), new { tokens = 5 });
        seen.Add(await Client.ETagOfAsync(uri));

        seen.Add((await Client.SendAsync(HttpMethod.Patch, uri, json: new { status = "stopped" })).ETag());
        Assert.Equal(seen[^1], await Client.ETagOfAsync(uri));

        var resumed = await Client.RegisterAsync(Run(uuid, pid: 99));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        seen.Add(resumed.ETag());

        seen.Add((await Client.SendAsync(HttpMethod.Post, $"{uri}/complete")).ETag());
        Assert.Equal(seen[^1], await Client.ETagOfAsync(uri));

        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_matching_If_Match_is_accepted()
    {
        var run = await Client.RegisterNewAsync();
        var uri = $"{Route}/{run.Uuid()}";

        var stopped = await Client.SendAsync(HttpMethod.Post, $"{uri}/stop", await Client.ETagOfAsync(uri));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);

        var resumed = await Client.SendAsync(HttpMethod.Post, Route, stopped.ETag(), Run(Guid.Parse(run.Uuid())));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);

        var failed = await Client.SendAsync(HttpMethod.Patch, uri, resumed.ETag(), new { status = "failed", error_message = "x" });
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, uri, failed.ETag())).StatusCode);
    }

    public static TheoryData<string, string, object?> StaleWrites() => new()
    {
        { "PATCH", "", new { status = "completed" } },
        { "POST", "/complete", null },
        { "POST", "/stop", null },
        { "POST", "/fail", new { error_message = "x" } },
        { "DELETE", "", null },
    };

    [Theory]
    [MemberData(nameof(StaleWrites))]
    public async Task A_stale_If_Match_answers_412_and_changes_nothing(string method, string suffix, object? body)
    {
        var run = await Client.RegisterNewAsync();
        var uri = $"{Route}/{run.Uuid()}";
        var stale = await Client.ETagOfAsync(uri);
        await Client.AddStatisticsAsync(run.Uuid(), new { llm_calls = 1 });
        var before = await Client.GetOkJsonAsync(uri);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await Client.SendAsync(new HttpMethod(method), uri + suffix, stale, body);

        await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal(before.ToString(), (await Client.GetOkJsonAsync(uri)).ToString());
    }

    [Fact]
    public async Task Resuming_with_a_stale_If_Match_answers_412_and_the_run_stays_stopped()
    {
        var uuid = Guid.NewGuid();
        var stale = (await Client.RegisterAsync(Run(uuid))).ETag();
        await Client.PostAsync($"{Route}/{uuid}/stop", null);

        var response = await Client.SendAsync(HttpMethod.Post, Route, stale, Run(uuid, pid: 5));

        await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal("stopped", (await Client.GetOkJsonAsync($"{Route}/{uuid}")).Status());
    }

    [Fact]
    public async Task Registering_with_If_Match_for_a_uuid_that_does_not_exist_answers_412_and_creates_nothing()
    {
        var uuid = Guid.NewGuid();

        await AssertProblemAsync(await Client.SendAsync(HttpMethod.Post, Route, "\"7\"", Run(uuid)), HttpStatusCode.PreconditionFailed);

        await AssertProblemAsync(await Client.GetAsync($"{Route}/{uuid}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_If_Match_answers_400_naming_the_header()
    {
        var run = await Client.RegisterNewAsync();

        await AssertValidationProblemAsync(
            await Client.SendAsync(HttpMethod.Post, $"{Route}/{run.Uuid()}/complete", "W/\"1\""), "if-match");

        Assert.Equal("running", (await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}")).Status());
    }
}
