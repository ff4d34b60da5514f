using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>A note exists for its owner only, the acting user who saved it; every request names its acting user.</summary>
public sealed class NoteIsolationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Carol = "U0CAROL03";

    public static TheoryData<string?, string, string> MissingOrMalformedActingUsers() => MalformedActingUsers.Against(
        ("POST", ""), ("GET", ""), ("GET", "?category=decisions"), ("GET", "/search?q=移行"), ("GET", "/by-session/s-1"),
        ("GET", "/{id}"), ("DELETE", "/{id}"));

    [Theory]
    [MemberData(nameof(MissingOrMalformedActingUsers))]
    public async Task Every_endpoint_needs_a_valid_acting_user_header_and_changes_nothing_without_one(
        string? actingUser, string method, string path)
    {
        var note = await Client.SaveNoteAsync("本番DBの移行手順", category: "decisions", sessionId: "s-1");
        var body = method == "POST" ? new { content = "誰のメモ?" } : null;

        await AssertValidationProblemAsync(
            await Factory.SendActingAsAsync(actingUser, method, Route + path.Replace("{id}", note.Id()), body), "X-Slack-User-Id");
        Assert.Equal(note.GetRawText(), (await Client.GetOkJsonAsync($"{Route}/{note.Id()}")).GetRawText());
        Assert.Equal(1, (await Client.GetOkJsonAsync(Route)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_owner_is_the_acting_user()
    {
        var note = await Client.SaveNoteAsync("Carol のメモ", user: Carol);

        Assert.Equal(Carol, note.GetProperty("user_id").GetString());
        Assert.Equal(Carol, (await Client.GetOkJsonAsync($"{Route}/{note.Id()}", Carol)).GetProperty("user_id").GetString());
        Assert.Equal(["Carol のメモ"], (await Client.GetOkJsonAsync(Route, Carol)).Contents());
        Assert.Empty((await Client.GetOkJsonAsync(Route)).Contents());
    }

    [Fact]
    public async Task A_note_exists_only_for_its_owner()
    {
        var note = await Client.SaveNoteAsync("本番DBの移行手順 (Alice)", category: "decisions", sessionId: "s-1");

        foreach (var (method, path) in new[] { (HttpMethod.Get, $"{Route}/{note.Id()}"), (HttpMethod.Delete, $"{Route}/{note.Id()}") })
        {
            await AssertProblemAsync(await Client.SendAsAsync(method, path, Bob), HttpStatusCode.NotFound);
        }

        foreach (var list in new[] { Route, $"{Route}?category=decisions", $"{Route}/by-session/s-1" })
        {
            var page = await Client.GetOkJsonAsync(list, Bob);
            Assert.Empty(page.Contents());
            Assert.Equal(0, page.GetProperty("total").GetInt32());
        }

        Assert.Empty((await Client.SearchAsync("本番DBの移行手順", user: Bob)).Contents());
        Factory.Embeddings.Fail();
        var byText = await Client.SearchAsync("移行手順", user: Bob);
        Assert.Equal("text", byText.Mode());
        Assert.Empty(byText.Contents());
        Factory.Embeddings.Reset();

        Assert.Equal(note.GetRawText(), (await Client.GetOkJsonAsync($"{Route}/{note.Id()}")).GetRawText());
        Assert.Equal(["本番DBの移行手順 (Alice)"], (await Client.SearchAsync("本番DBの移行手順")).Contents());
    }

    [Fact]
    public async Task A_user_query_parameter_does_not_change_whom_the_request_acts_for()
    {
        await Client.SaveNoteAsync("Bob のメモ", user: Bob);

        Assert.Empty((await Client.GetOkJsonAsync($"{Route}?user={Bob}")).Contents());
        Assert.Empty((await Client.GetOkJsonAsync($"{Route}/search?user={Bob}&q=メモ")).Contents());
    }

    [Fact]
    public async Task A_stranger_gets_the_same_404_as_for_an_id_that_does_not_exist()
    {
        var note = await Client.SaveNoteAsync("Alice's private note");
        var hidden = await ReadJsonAsync(await Client.SendAsAsync(HttpMethod.Get, $"{Route}/{note.Id()}", Bob));
        var missing = await ReadJsonAsync(await Client.SendAsAsync(HttpMethod.Get, $"{Route}/{Guid.Empty}", Bob));

        Assert.Equal(missing.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        Assert.Equal(
            missing.GetProperty("detail").GetString()!.Replace(Guid.Empty.ToString(), "{id}"),
            hidden.GetProperty("detail").GetString()!.Replace(note.Id(), "{id}"));
    }

    [Fact]
    public async Task The_OpenAPI_document_shows_the_acting_user_header_on_every_user_scoped_note_operation_and_no_owner_in_the_body()
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith(Route, StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToArray();
        Assert.Equal(7, operations.Length);
        foreach (var (path, method, operation) in operations)
        {
            var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToArray() : [];
            Assert.DoesNotContain(parameters, x => x.GetProperty("name").GetString() == "user");
            var actsForSomeone = parameters.Any(x => x.GetProperty("name").GetString() == "X-Slack-User-Id"
                                                     && x.GetProperty("in").GetString() == "header");
            Assert.True(actsForSomeone != (path == $"{Route}/re-embed"), $"{method} {path}: X-Slack-User-Id documented = {actsForSomeone}");
        }

        var save = operations.Single(o => o is { Path: Route, Method: "post" }).Operation;
        var schema = Hostile.OpenApiOperation.Resolve(
            document, save.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("content", properties);
        Assert.DoesNotContain("user_id", properties);
    }
}
