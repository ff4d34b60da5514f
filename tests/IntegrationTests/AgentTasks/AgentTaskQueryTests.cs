using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.AgentTasks.AgentTaskRequests;

namespace NakamuraMisaki.IntegrationTests.AgentTasks;

public sealed class AgentTaskQueryTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>Registers a run a minute after the previous one, so "newest first" has one right answer.</summary>
    private async Task<string> RegisterAsync(
        string user = "alice", string? end = null, string source = "github", string owner = "octo", string repo = "hello",
        string type = "issue")
    {
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var run = await Client.RegisterNewAsync(Run(user: user, source: source, owner: owner, repo: repo, type: type));
        if (end is not null)
        {
            (await Client.EndAsync(run, end)).EnsureSuccessStatusCode();
        }

        return run.Uuid();
    }

    [Fact]
    public async Task Listing_by_status_returns_those_runs_newest_first()
    {
        var oldRunning = await RegisterAsync();
        var completed = await RegisterAsync(end: "complete");
        var newRunning = await RegisterAsync(user: "bob");
        var failed = await RegisterAsync(end: "fail");

        Assert.Equal([newRunning, oldRunning], (await Client.GetOkJsonAsync($"{Route}?status=running")).Uuids());
        Assert.Equal([failed, completed],
            (await Client.GetOkJsonAsync($"{Route}?status=completed&status=failed")).Uuids());
        Assert.Equal([failed, newRunning, completed, oldRunning], (await Client.GetOkJsonAsync(Route)).Uuids());
    }

    [Fact]
    public async Task Listing_by_user_returns_only_their_runs_and_combines_with_status()
    {
        var aliceDone = await RegisterAsync(user: "alice", end: "complete");
        await RegisterAsync(user: "bob");
        var aliceRunning = await RegisterAsync(user: "alice");

        Assert.Equal([aliceRunning, aliceDone], (await Client.GetOkJsonAsync($"{Route}?user=alice")).Uuids());
        Assert.Equal([aliceRunning], (await Client.GetOkJsonAsync($"{Route}?user=alice&status=running")).Uuids());
        Assert.Empty((await Client.GetOkJsonAsync($"{Route}?user=carol")).Uuids());
    }

    [Fact]
    public async Task Pages_are_limited_offset_and_count_the_total()
    {
        var newestFirst = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            newestFirst.Insert(0, await RegisterAsync());
        }

        var first = await Client.GetOkJsonAsync($"{Route}?status=running&limit=2");
        var second = await Client.GetOkJsonAsync($"{Route}?status=running&limit=2&offset=2");
        var last = await Client.GetOkJsonAsync($"{Route}?status=running&limit=2&offset=4");

        Assert.Equal(newestFirst[..2], first.Uuids());
        Assert.Equal(newestFirst[2..4], second.Uuids());
        Assert.Equal(newestFirst[4..], last.Uuids());
        AssertPage(first, total: 5, limit: 2, offset: 0);
        AssertPage(last, total: 5, limit: 2, offset: 4);
    }

    [Fact]
    public async Task Listing_by_repository_matches_source_owner_and_repo_exactly()
    {
        var older = await RegisterAsync(owner: "octo", repo: "hello");
        await RegisterAsync(owner: "octo", repo: "hello-world");
        await RegisterAsync(owner: "other", repo: "hello");
        await RegisterAsync(source: "gitlab", owner: "octo", repo: "hello");
        var newer = await RegisterAsync(owner: "octo", repo: "hello", type: "pull_request", end: "stop");

        var page = await Client.GetOkJsonAsync($"{Route}/by-repository?task_source=github&owner=octo&repo=hello");

        Assert.Equal([newer, older], page.Uuids());
        AssertPage(page, total: 2, limit: 20, offset: 0);
        var paged = await Client.GetOkJsonAsync($"{Route}/by-repository?task_source=github&owner=octo&repo=hello&limit=1&offset=1");
        Assert.Equal([older], paged.Uuids());
        Assert.Equal(2, paged.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?status=done", "status")]
    [InlineData("?status=Running", "status")]
    [InlineData("?user=", "user")]
    [InlineData("/by-repository?owner=octo&repo=hello", "task_source")]
    [InlineData("/by-repository?task_source=bitbucket&owner=octo&repo=hello", "task_source")]
    [InlineData("/by-repository?task_source=github&repo=hello", "owner")]
    [InlineData("/by-repository?task_source=github&owner=octo", "repo")]
    [InlineData("/by-repository?task_source=github&owner=octo&repo=hello&limit=500", "limit")]
    public async Task Queries_with_bad_parameters_answer_400_naming_them(string pathAndQuery, string field)
    {
        await AssertValidationProblemAsync(await Client.GetAsync(Route + pathAndQuery), field);
    }

    private static void AssertPage(JsonElement page, int total, int limit, int offset)
    {
        Assert.Equal(total, page.GetProperty("total").GetInt32());
        Assert.Equal(limit, page.GetProperty("limit").GetInt32());
        Assert.Equal(offset, page.GetProperty("offset").GetInt32());
    }
}
