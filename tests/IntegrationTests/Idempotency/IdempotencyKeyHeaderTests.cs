using System.Net;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Idempotency;

/// <summary>
/// The header as documented: on exactly the create operations, and a malformed value refused with 400 naming it,
/// storing nothing. The hostile generator enumerates path and query parameters only, so the header's hostile values
/// are here, over every operation the OpenAPI document says takes it.
/// </summary>
public sealed class IdempotencyKeyHeaderTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>An empty header is refused too, but HttpClient does not send one: the quoted empty string stands in.</summary>
    public static TheoryData<string> MalformedKeys() => new(
        new string('k', 256), "has space", "tab\there", "caf\u00e9", "\u9375", "\"\"");

    [Fact]
    public async Task The_OpenAPI_document_shows_the_header_on_every_create_and_append_and_nowhere_else()
    {
        var documented = (await DocumentedOperationsAsync()).Order().ToArray();

        // The session-message appends honour it through the same store as every create (ADR 0023).
        string[] appends = ["POST /api/v1/sessions/{session_id}/messages", "POST /api/v1/sessions/{session_id}/messages/batch"];
        Assert.Equal(IdempotencyRequests.Creates.Select(c => "POST " + c.Path).Concat(appends).Order().ToArray(), documented);
    }

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task A_malformed_key_answers_400_naming_the_header_on_every_create_and_stores_nothing(string key)
    {
        foreach (var (path, table, body) in IdempotencyRequests.Creates)
        {
            var response = await Client.PostWithKeyAsync(path, body, key);

            await AssertValidationProblemAsync(response, IdempotencyRequests.Header);
            Assert.Equal(0, await Factory.Database.CountAsync(table));
        }

        Assert.Equal(0, await Factory.Database.CountAsync("idempotency_keys"));
    }

    [Fact]
    public async Task Two_keys_in_one_request_answer_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks")
        {
            Content = new StringContent(IdempotencyRequests.TaskBody, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(IdempotencyRequests.Header, ["one", "two"]);

        await AssertValidationProblemAsync(await Client.SendAsync(request), IdempotencyRequests.Header);
        Assert.Equal(0, await Factory.Database.CountAsync("tasks"));
    }

    [Fact]
    public async Task A_key_of_255_visible_characters_is_accepted()
    {
        var response = await Client.PostWithKeyAsync(
            "/api/v1/tasks", IdempotencyRequests.TaskBody, new string('~', 254) + "!");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<IEnumerable<string>> DocumentedOperationsAsync()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object))
            {
                if (operation.Value.TryGetProperty("parameters", out var parameters)
                    && parameters.EnumerateArray().Any(p =>
                        p.GetProperty("name").GetString() == IdempotencyRequests.Header
                        && p.GetProperty("in").GetString() == "header"))
                {
                    operations.Add($"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}");
                }
            }
        }

        return operations;
    }
}
