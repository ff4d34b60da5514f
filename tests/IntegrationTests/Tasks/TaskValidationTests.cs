using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Tasks.TaskRequests;

namespace NakamuraMisaki.IntegrationTests.Tasks;

public sealed class TaskValidationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Valid = """{"title":"t","assignee_user_id":"U0ALICE01","creator_user_id":"U0BOB0002"}""";

    public static TheoryData<string, string> BadCreateBodies() => new()
    {
        { """{"assignee_user_id":"U0ALICE01","creator_user_id":"U0BOB0002"}""", "title" },
        { """{"title":"","assignee_user_id":"U0ALICE01","creator_user_id":"U0BOB0002"}""", "title" },
        { """{"title":"   ","assignee_user_id":"U0ALICE01","creator_user_id":"U0BOB0002"}""", "title" },
        { $$"""{"title":"{{new string('あ', 201)}}","assignee_user_id":"U0ALICE01","creator_user_id":"U0BOB0002"}""", "title" },
        { """{"title":123,"assignee_user_id":"U0ALICE01","creator_user_id":"U0BOB0002"}""", "title" },
        { """{"title":"t","creator_user_id":"U0BOB0002"}""", "assignee_user_id" },
        { """{"title":"t","assignee_user_id":"u0alice","creator_user_id":"U0BOB0002"}""", "assignee_user_id" },
        { $$"""{"title":"t","assignee_user_id":"U{{new string('1', 64)}}","creator_user_id":"U0BOB0002"}""", "assignee_user_id" },
        { """{"title":"t","assignee_user_id":"U0ALICE01"}""", "creator_user_id" },
        { """{"title":"t","assignee_user_id":"U0ALICE01","creator_user_id":"U0BOB0002","due_at":"2026-02-30T00:00:00Z"}""", "due_at" },
        { """{"title":"t","assignee_user_id":"U0ALICE01","creator_user_id":"U0BOB0002","due_at":12}""", "due_at" },
        { """{"title":"t","assignee_user_id":"U0ALICE01","creator_user_id":"U0BOB0002","status":"completed"}""", "status" },
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
    [InlineData("", "assignee")]
    public async Task List_with_bad_query_answers_400_naming_the_parameter(string query, string field)
    {
        await AssertValidationProblemAsync(await Client.GetAsync(Route + query), field);
    }

    [Theory]
    [InlineData("/due-today?assignee=U0ALICE01&tz=Mars/Olympus", "tz")]
    [InlineData("/due-today?assignee=U0ALICE01&tz=", "tz")]
    [InlineData("/due-today", "assignee")]
    [InlineData("/stale?days=0", "days")]
    [InlineData("/stale?days=-3", "days")]
    [InlineData("/stale?days=x", "days")]
    [InlineData("/overdue?assignee=bad", "assignee")]
    [InlineData("/search?user=U0ALICE01", "q")]
    [InlineData("/search?user=U0ALICE01&q=%20%20", "q")]
    [InlineData("/search?q=x", "user")]
    [InlineData("/search?user=U0ALICE01&q=x&limit=0", "limit")]
    [InlineData("/search?user=U0ALICE01&q=x&include_closed=maybe", "include_closed")]
    public async Task Queries_with_bad_parameters_answer_400_naming_them(string pathAndQuery, string field)
    {
        await AssertValidationProblemAsync(await Client.GetAsync(Route + pathAndQuery), field);
    }
}
