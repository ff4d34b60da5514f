using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

/// <summary>A session exists for its owner only, the acting user who started it; every request names its acting user.</summary>
public sealed class SessionIsolationTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string?, string, string> MissingOrMalformedActingUsers() => MalformedActingUsers.Against(
        ("POST", ""), ("GET", ""), ("GET", "?active=true"), ("GET", "/latest"), ("GET", "/s-1"), ("POST", "/s-1/touch"));

    [Theory]
    [MemberData(nameof(MissingOrMalformedActingUsers))]
    public async Task Every_user_scoped_endpoint_needs_a_valid_acting_user_header_and_changes_nothing_without_one(
        string? actingUser, string method, string path)
    {
        var session = await Client.CreateSessionAsync("s-1");
        var body = method == "POST" && path == "" ? new { session_id = "s-2" } : null;

        await AssertValidationProblemAsync(await Factory.SendActingAsAsync(actingUser, method, Route + path, body), "X-Slack-User-Id");
        Assert.Equal(session.GetRawText(), (await Client.GetJsonAsync($"{Route}/s-1")).GetRawText());
        Assert.Equal(1, (await Client.GetJsonAsync(Route)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_owner_is_the_acting_user()
    {
        var session = await Client.CreateSessionAsync("carols", user: Carol);

        Assert.Equal(Carol, session.GetProperty("user_id").GetString());
        Assert.Equal(Carol, (await Client.GetJsonAsync($"{Route}/carols", Carol)).GetProperty("user_id").GetString());
        Assert.Equal("carols", (await Client.GetJsonAsync($"{Route}/latest", Carol)).SessionId());
        Assert.Equal(["carols"], (await Client.GetJsonAsync(Route, Carol)).SessionIds());
        Assert.Empty((await Client.GetJsonAsync(Route)).SessionIds());
    }

    [Fact]
    public async Task A_session_exists_only_for_its_owner()
    {
        var session = await Client.CreateSessionAsync("alices");

        await AssertProblemAsync(await Client.SendAsAsync(HttpMethod.Get, $"{Route}/alices", Bob), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.SendAsAsync(HttpMethod.Post, $"{Route}/alices/touch", Bob), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.SendAsAsync(HttpMethod.Get, $"{Route}/latest", Bob), HttpStatusCode.NotFound);
        foreach (var list in new[] { Route, $"{Route}?active=true" })
        {
            var page = await Client.GetJsonAsync(list, Bob);
            Assert.Empty(page.SessionIds());
            Assert.Equal(0, page.GetProperty("total").GetInt32());
        }

        Assert.Equal(session.GetRawText(), (await Client.GetJsonAsync($"{Route}/alices")).GetRawText());
        Assert.Equal("alices", (await Client.GetJsonAsync($"{Route}/latest")).SessionId());
    }

    [Fact]
    public async Task A_user_query_parameter_does_not_change_whom_the_request_acts_for()
    {
        await Client.CreateSessionAsync("bobs", user: Bob);

        Assert.Empty((await Client.GetJsonAsync($"{Route}?user={Bob}")).SessionIds());
        await AssertProblemAsync(await Client.GetAsync($"{Route}/latest?user={Bob}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.GetAsync($"{Route}/bobs?user={Bob}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stranger_gets_the_same_404_as_for_a_session_that_does_not_exist()
    {
        await Client.CreateSessionAsync("alices");
        var hidden = await ReadJsonAsync(await Client.SendAsAsync(HttpMethod.Get, $"{Route}/alices", Bob));
        var missing = await ReadJsonAsync(await Client.SendAsAsync(HttpMethod.Get, $"{Route}/nobodys", Bob));

        Assert.Equal(missing.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        Assert.Equal(
            missing.GetProperty("detail").GetString()!.Replace("nobodys", "{id}"),
            hidden.GetProperty("detail").GetString()!.Replace("alices", "{id}"));
    }

    [Fact]
    public async Task Maintenance_acts_for_no_one_and_covers_every_users_sessions()
    {
        await Client.CreateSessionAsync("alices");
        await Client.CreateSessionAsync("bobs", user: Bob);
        Factory.Clock.Advance(TimeSpan.FromHours(25));
        using var client = Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.ApiKey);

        var expired = await client.PostAsync($"{Route}/expire-idle", null);

        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Equal(2, (await ReadJsonAsync(expired)).GetProperty("expired").GetInt32());
    }

    [Fact]
    public async Task The_OpenAPI_document_shows_the_acting_user_header_on_every_user_scoped_session_operation_and_no_owner_in_the_body()
    {
        var document = await Client.GetJsonAsync("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith(Route, StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToArray();
        Assert.Equal(14, operations.Length); // 7 on sessions, 7 on their messages
        foreach (var (path, method, operation) in operations)
        {
            var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToArray() : [];
            Assert.DoesNotContain(parameters, x => x.GetProperty("name").GetString() == "user");
            var actsForSomeone = parameters.Any(x => x.GetProperty("name").GetString() == "X-Slack-User-Id"
                                                     && x.GetProperty("in").GetString() == "header");
            var maintenance = path is $"{Route}/expire-idle" or $"{Route}/delete-inactive";
            Assert.True(actsForSomeone != maintenance, $"{method} {path}: X-Slack-User-Id documented = {actsForSomeone}");
        }

        var create = operations.Single(o => o is { Path: Route, Method: "post" }).Operation;
        var schema = Hostile.OpenApiOperation.Resolve(
            document, create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("session_id", properties);
        Assert.DoesNotContain("user_id", properties);
    }
}
