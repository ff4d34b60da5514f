using System.Net;
using System.Net.Http.Json;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Tasks.TaskRequests;

namespace NakamuraMisaki.IntegrationTests.Concurrency;

public sealed class TaskETagTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<(string Uri, string ETag)> CreateAsync()
    {
        var response = await Client.PostAsJsonAsync(Route, new { title = "資料", assignee_user_id = Alice, creator_user_id = Bob });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (response.Headers.Location!.OriginalString, response.ETag());
    }

    [Fact]
    public async Task Every_write_answers_a_new_ETag_that_GET_then_reports()
    {
        var (uri, created) = await CreateAsync();
        Assert.Equal(created, await Client.ETagOfAsync(uri));

        var patched = (await Client.SendAsync(HttpMethod.Patch, uri, json: new { title = "資料 v2" })).ETag();
        Assert.NotEqual(created, patched);
        Assert.Equal(patched, await Client.ETagOfAsync(uri));

        var started = (await Client.SendAsync(HttpMethod.Post, $"{uri}/start")).ETag();
        Assert.DoesNotContain(started, new[] { created, patched });
        Assert.Equal(started, await Client.ETagOfAsync(uri));
    }

    [Fact]
    public async Task Lists_carry_no_ETag()
    {
        await CreateAsync();
        var list = await Client.GetAsync($"{Route}?assignee={Alice}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.False(list.Headers.Contains("ETag"));
    }

    [Fact]
    public async Task A_matching_If_Match_is_accepted_and_answers_the_next_ETag()
    {
        var (uri, etag) = await CreateAsync();

        var patched = await Client.SendAsync(HttpMethod.Patch, uri, etag, new { title = "確認済み" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        var completed = await Client.SendAsync(HttpMethod.Post, $"{uri}/complete", patched.ETag());
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("completed", (await Client.GetOkJsonAsync(uri)).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, uri, completed.ETag())).StatusCode);
    }

    [Fact]
    public async Task If_Match_star_accepts_any_version()
    {
        var (uri, _) = await CreateAsync();
        await Client.SendAsync(HttpMethod.Patch, uri, json: new { title = "別の人が変えた" });

        var response = await Client.SendAsync(HttpMethod.Patch, uri, "*", new { title = "上書き" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string, object?> StaleWrites() => new()
    {
        { "PATCH", "", new { title = "古い版からの変更" } },
        { "POST", "/start", null },
        { "POST", "/complete", null },
        { "POST", "/cancel", null },
        { "DELETE", "", null },
    };

    [Theory]
    [MemberData(nameof(StaleWrites))]
    public async Task A_stale_If_Match_answers_412_and_changes_nothing(string method, string suffix, object? body)
    {
        var (uri, stale) = await CreateAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Client.SendAsync(HttpMethod.Patch, uri, json: new { title = "誰かの変更" });
        var before = await Client.GetOkJsonAsync(uri);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await Client.SendAsync(new HttpMethod(method), uri + suffix, stale, body);

        await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal(before.ToString(), (await Client.GetOkJsonAsync(uri)).ToString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12")]
    [InlineData("\"abc\"")]
    [InlineData("W/\"12\"")]
    [InlineData("\"12\", \"13\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"4294967296\"")]
    [InlineData("\"\"")]
    public async Task A_malformed_If_Match_answers_400_naming_the_header_and_changes_nothing(string ifMatch)
    {
        var (uri, _) = await CreateAsync();
        var before = await Client.GetOkJsonAsync(uri);

        var response = await Client.SendAsync(HttpMethod.Patch, uri, ifMatch, new { title = "変更" });

        await AssertValidationProblemAsync(response, "if-match");
        Assert.Equal(before.ToString(), (await Client.GetOkJsonAsync(uri)).ToString());
    }
}
