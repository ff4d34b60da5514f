using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

public sealed class SessionMessageOpenApiTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("/api/v1/sessions/{session_id}/messages", "post", "AppendSessionMessage", "201 200 400 404 422")]
    [InlineData("/api/v1/sessions/{session_id}/messages/batch", "post", "AppendSessionMessages", "201 200 400 404 422")]
    [InlineData("/api/v1/sessions/{session_id}/messages", "get", "ListSessionMessages", "200 400 404")]
    [InlineData("/api/v1/sessions/{session_id}/messages/{seq}", "get", "GetSessionMessage", "200 400 404")]
    [InlineData("/api/v1/sessions/{session_id}/messages", "delete", "DeleteSessionHistory", "200 400 404")]
    [InlineData("/api/v1/sessions/{session_id}/messages/before/{seq}", "delete", "TrimSessionHistory", "200 400 404")]
    [InlineData("/api/v1/sessions/messages/search", "get", "SearchSessionMessages", "200 400")]
    public async Task Each_history_operation_is_named_and_documents_its_answers(
        string path, string method, string operationId, string statuses)
    {
        var document = await Client.GetJsonAsync("/openapi/v1.json");
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToArray();
        Assert.All(statuses.Split(' '), status => Assert.Contains(status, responses));
        var parameters = operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        Assert.Contains("X-Slack-User-Id", parameters);
        if (method == "post")
        {
            Assert.Contains("Idempotency-Key", parameters);
        }
    }
}
