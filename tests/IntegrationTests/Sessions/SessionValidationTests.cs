using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

public sealed class SessionValidationTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"user_id":"U0ALICE01"}""", "user_id" },
        { """{"user_id":"U0BOB0002","session_id":"bobs"}""", "user_id" },
        { """{"session_id":"has space"}""", "session_id" },
        { """{"session_id":"-leading-dash"}""", "session_id" },
        { """{"session_id":"latest"}""", "session_id" },
        { $$"""{"session_id":"{{new string('a', 129)}}"}""", "session_id" },
        { $$"""{"title":"{{new string('t', 201)}}"}""", "title" },
        { $$"""{"workspace_path":"{{new string('p', 1025)}}"}""", "workspace_path" },
        { """{"options":[1,2]}""", "options" },
        { """{"options":"model=sonnet"}""", "options" },
        { """{"message_history":[]}""", "message_history" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Creating_refuses_a_bad_body_naming_the_field(string body, string field)
    {
        await AssertValidationProblemAsync(await Client.PostAsync(Route, NoteJson.Raw(body)), field);
        Assert.Empty((await Client.GetJsonAsync(Route)).SessionIds());
    }

    [Theory]
    [InlineData("/api/v1/sessions?active=maybe", "active")]
    [InlineData("/api/v1/sessions?limit=101", "limit")]
    [InlineData("/api/v1/sessions/bad%20id", "session_id")]
    public async Task Reads_refuse_bad_parameters(string uri, string field) =>
        await AssertValidationProblemAsync(await Client.GetAsync(uri), field);

    [Theory]
    [InlineData("/api/v1/sessions/s1/touch?messages=-1", "messages")]
    [InlineData("/api/v1/sessions/s1/touch?messages=1001", "messages")]
    [InlineData("/api/v1/sessions/s1/touch?messages=many", "messages")]
    [InlineData("/api/v1/sessions/expire-idle?hours=0", "hours")]
    [InlineData("/api/v1/sessions/expire-idle?hours=87601", "hours")]
    [InlineData("/api/v1/sessions/delete-inactive?days=0", "days")]
    [InlineData("/api/v1/sessions/delete-inactive?days=3651", "days")]
    public async Task Commands_refuse_bad_parameters(string uri, string field) =>
        await AssertValidationProblemAsync(await Client.PostAsync(uri, null), field);
}
