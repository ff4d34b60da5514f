using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Handoffs.HandoffRequests;
using static NakamuraMisaki.IntegrationTests.Tasks.TaskRequests;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

public sealed class HandoffValidationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Valid = """{"to_user_id":"U0BOB0002","progress_note":"p","next_steps":"n"}""";

    public static TheoryData<string, string> BadCreateBodies() => new()
    {
        // The sender is the acting user (X-Slack-User-Id, here U0ALICE01): the body cannot name one.
        { """{"from_user_id":"U0ALICE01","to_user_id":"U0BOB0002","progress_note":"p","next_steps":"n"}""", "from_user_id" },
        { """{"from_user_id":"U0CAROL03","to_user_id":"U0BOB0002","progress_note":"p","next_steps":"n"}""", "from_user_id" },
        { """{"progress_note":"p","next_steps":"n"}""", "to_user_id" },
        { """{"to_user_id":"U0ALICE01","progress_note":"p","next_steps":"n"}""", "to_user_id" },
        { """{"to_user_id":"bob","progress_note":"p","next_steps":"n"}""", "to_user_id" },
        { """{"to_user_id":"U0BOB0002","next_steps":"n"}""", "progress_note" },
        { """{"to_user_id":"U0BOB0002","progress_note":"","next_steps":"n"}""", "progress_note" },
        { """{"to_user_id":"U0BOB0002","progress_note":" \u3000\n","next_steps":"n"}""", "progress_note" },
        { $$"""{"to_user_id":"U0BOB0002","progress_note":"{{new string('あ', 10_001)}}","next_steps":"n"}""", "progress_note" },
        { """{"to_user_id":"U0BOB0002","progress_note":"p"}""", "next_steps" },
        { """{"to_user_id":"U0BOB0002","progress_note":"p","next_steps":null}""", "next_steps" },
        { """{"to_user_id":"U0BOB0002","progress_note":"p","next_steps":"n","handoff_at":"tomorrow"}""", "handoff_at" },
        { """{"to_user_id":"U0BOB0002","progress_note":"p","next_steps":"n","task_id":"abc"}""", "task_id" },
        { """{"to_user_id":"U0BOB0002","progress_note":"p","next_steps":"n","task_id":"00000000-0000-0000-0000-000000000000"}""", "task_id" },
        { """{"to_user_id":"U0BOB0002","progress_note":"p","next_steps":"n","reminded_at":"2026-06-15T00:00:00Z"}""", "reminded_at" },
        { """{"to_user_id":"U0BOB0002",""", "body" },
        { "[]", "body" },
        { "null", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadCreateBodies))]
    public async Task Create_with_bad_input_answers_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        await AssertValidationProblemAsync(await Client.PostAsync(HandoffRequests.Route, Json(body)), field);
        var pending = await Client.GetOkJsonAsync($"{HandoffRequests.Route}/pending?recipient={HandoffRequests.Bob}");
        Assert.Equal(0, pending.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_valid_body_is_accepted_so_the_bad_cases_fail_for_their_own_reason()
    {
        var response = await Client.PostAsync(HandoffRequests.Route, Json(Valid));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }
}
