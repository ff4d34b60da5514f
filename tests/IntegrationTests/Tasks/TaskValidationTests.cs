using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Tasks.TaskRequests;

namespace NakamuraMisaki.IntegrationTests.Tasks;

public sealed class TaskValidationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Valid = """{"title":"t","assignee_user_id":"U0ALICE01"}""";

    public static TheoryData<string, string> BadCreateBodies() => new()
    {
        { """{"assignee_user_id":"U0ALICE01"}""", "title" },
        { """{"title":"","assignee_user_id":"U0ALICE01"}""", "title" },
        { """{"title":"   ","assignee_user_id":"U0ALICE01"}""", "title" },
        { $$"""{"title":"{{new string('あ', 201)}}","assignee_user_id":"U0ALICE01"}""", "title" },
        { """{"title":123,"assignee_user_id":"U0ALICE01"}""", "title" },
        { """{"title":"t"}""", "assignee_user_id" },
        { """{"title":"t","assignee_user_id":"U0ALICE01","creator_user_id":"U0BOB0002"}""", "creator_user_id" },
        { """{"title":"t","assignee_user_id":"u0alice"}""", "assignee_user_id" },
        { $$"""{"title":"t","assignee_user_id":"U{{new string('1', 64)}}"}""", "assignee_user_id" },
        { """{"title":"t","assignee_user_id":"U0ALICE01","due_at":"2026-02-30T00:00:00Z"}""", "due_at" },
        { """{"title":"t","assignee_user_id":"U0ALICE01","due_at":12}""", "due_at" },
        { """{"title":"t","assignee_user_id":"U0ALICE01","status":"completed"}""", "status" },
        { """{"title":"t",""", "body" },
        { "[]", "body" },
        { "null", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadCreateBodies))]
    public async Task Create_with_bad_input_answers_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        await AssertValidationProblemAsync(await Client.PostAsync(Route, Json(body)), field);
        var page = await Client.GetOkJsonAsync($"{Route}?assignee={Alice}");
        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_valid_body_is_accepted_so_the_bad_cases_fail_for_their_own_reason()
    {
        var response = await Client.PostAsync(Route, Json(Valid));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("?assignee=U0ALICE01&limit=0", "limit")]
    [InlineData("?assignee=U0ALICE01&limit=101", "limit")]
    [InlineData("?assignee=U0ALICE01&limit=abc", "limit")]
    [InlineData("?assignee=U0ALICE01&limit=99999999999", "limit")]
    [InlineData("?assignee=U0ALICE01&offset=-1", "offset")]
    [InlineData("?assignee=U0ALICE01&status=done", "status")]
    [InlineData("?assignee=lower", "assignee")]
    public async Task List_with_bad_query_answers_400_naming_the_parameter(string query, string field)
    {
        await AssertValidationProblemAsync(await Client.GetAsync(Route + query), field);
    }

    [Theory]
    [InlineData("/due-today?assignee=U0ALICE01&tz=Mars/Olympus", "tz")]
    [InlineData("/due-today?assignee=U0ALICE01&tz=", "tz")]
    [InlineData("/due-today?assignee=x", "assignee")]
    [InlineData("/stale?days=0", "days")]
    [InlineData("/stale?days=-3", "days")]
    [InlineData("/stale?days=x", "days")]
    [InlineData("/overdue?assignee=bad", "assignee")]
    [InlineData("/search", "q")]
    [InlineData("/search?q=%20%20", "q")]
    [InlineData("/search?q=x&limit=0", "limit")]
    [InlineData("/search?q=x&include_closed=maybe", "include_closed")]
    public async Task Queries_with_bad_parameters_answer_400_naming_them(string pathAndQuery, string field)
    {
        await AssertValidationProblemAsync(await Client.GetAsync(Route + pathAndQuery), field);
    }
}

public sealed class ActingUserTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("U0ALICE01,U0BOB0002")]
    public async Task User_scoped_requests_need_a_valid_acting_user_header(string? actingUser)
    {
        using var client = Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Route}?assignee={Alice}");
        request.Headers.Authorization = new("Bearer", ApiFactory.ApiKey);
        if (actingUser is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Slack-User-Id", actingUser);
        }

        await AssertValidationProblemAsync(await client.SendAsync(request), "X-Slack-User-Id");
    }

    [Fact]
    public async Task A_task_exists_only_for_its_assignee_and_creator()
    {
        var task = await Client.CreateTaskAsync("二人の仕事", assignee: Alice, creator: Bob);
        const string carol = "U0CAROL03";

        Assert.Equal("二人の仕事", (await Client.GetOkJsonAsync($"{Route}/{task.Id()}", Alice)).GetProperty("title").GetString());
        Assert.Equal("二人の仕事", (await Client.GetOkJsonAsync($"{Route}/{task.Id()}", Bob)).GetProperty("title").GetString());

        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, $"{Route}/{task.Id()}"), (HttpMethod.Post, $"{Route}/{task.Id()}/complete"),
                     (HttpMethod.Post, $"{Route}/{task.Id()}/cancel"), (HttpMethod.Delete, $"{Route}/{task.Id()}"),
                 })
        {
            using var request = new HttpRequestMessage(method, path).ActAs(carol);
            await AssertProblemAsync(await Client.SendAsync(request), System.Net.HttpStatusCode.NotFound);
        }

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"{Route}/{task.Id()}") { Content = Json("""{"title":"盗む"}""") }.ActAs(carol);
        await AssertProblemAsync(await Client.SendAsync(patch), System.Net.HttpStatusCode.NotFound);

        Assert.Empty((await Client.GetOkJsonAsync($"{Route}?assignee={Alice}", carol)).Titles());
        Assert.Empty((await Client.GetOkJsonAsync($"{Route}/search?q=仕事", carol)).Titles());
        Assert.Empty((await Client.GetOkJsonAsync($"{Route}/search?q={task.Id()}", carol)).Titles());
        var unchanged = await Client.GetOkJsonAsync($"{Route}/{task.Id()}", Alice);
        Assert.Equal("pending", unchanged.GetProperty("status").GetString());
        Assert.Equal("二人の仕事", unchanged.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Someone_elses_list_shows_only_the_tasks_the_acting_user_created_for_them()
    {
        await Client.CreateTaskAsync("bob-for-himself", assignee: Bob, creator: Bob);
        await Client.CreateTaskAsync("alice-for-bob", assignee: Bob, creator: Alice);

        Assert.Equal(["alice-for-bob"], (await Client.GetOkJsonAsync($"{Route}?assignee={Bob}", Alice)).Titles());
        Assert.Equal(2, (await Client.GetOkJsonAsync($"{Route}?assignee={Bob}", Bob)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_creator_is_the_acting_user()
    {
        var task = await Client.CreateTaskAsync("誰が作った", assignee: Alice, creator: Bob);
        Assert.Equal(Bob, task.GetProperty("creator_user_id").GetString());
    }
}
