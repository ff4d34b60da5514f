using System.Net;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

public sealed class SessionTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_new_session_of_the_acting_user_gets_an_id_a_tokyo_time_title_and_starts_active_and_empty()
    {
        var response = await Client.PostAsync(Route, NoteJson.Of(new { }));
        var session = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(Guid.TryParse(session.SessionId(), out _));
        Assert.Equal($"{Route}/{session.SessionId()}", response.Headers.Location?.OriginalString);
        Assert.Equal(Alice, session.GetProperty("user_id").GetString());
        Assert.Equal("Session 06/15 12:00", session.GetProperty("title").GetString()); // the clock: 03:00 UTC
        Assert.True(session.GetProperty("is_active").GetBoolean());
        Assert.Equal(0, session.GetProperty("message_count").GetInt32());
        Assert.Equal(JsonValueKind.Object, session.GetProperty("options").ValueKind);
        Assert.Empty(session.GetProperty("options").EnumerateObject());
        Assert.Equal(ApiFactory.Epoch, session.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(ApiFactory.Epoch, session.GetProperty("last_active").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_session_keeps_what_the_client_gave_it()
    {
        var body = new
        {
            session_id = "3f2c8a9e-1b7d-4c55-9a51-0d3c2e4f6a7b", title = "移行の相談",
            workspace_path = "/home/alice/work", options = new { model = "sonnet", max_turns = 5, tools = new[] { "bash" } },
        };
        await Client.PostAsync(Route, NoteJson.Of(body));

        var read = await Client.GetJsonAsync($"{Route}/{body.session_id}");
        Assert.Equal("移行の相談", read.GetProperty("title").GetString());
        Assert.Equal("/home/alice/work", read.GetProperty("workspace_path").GetString());
        var options = read.GetProperty("options");
        Assert.Equal("sonnet", options.GetProperty("model").GetString());
        Assert.Equal(5, options.GetProperty("max_turns").GetInt32());
        Assert.Equal("bash", options.GetProperty("tools")[0].GetString());
    }

    [Fact]
    public async Task A_taken_session_id_is_a_conflict()
    {
        await Client.CreateSessionAsync("dup-1");

        using var again = new HttpRequestMessage(HttpMethod.Post, Route) { Content = NoteJson.Of(new { session_id = "dup-1" }) };

        await AssertProblemAsync(await Client.SendAsync(again.ActAs(Bob)), HttpStatusCode.Conflict);
        await AssertProblemAsync(await Client.SendAsAsync(HttpMethod.Get, $"{Route}/dup-1", Bob), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_users_session_is_not_found()
    {
        await Client.CreateSessionAsync("alices");

        await AssertProblemAsync(await Client.SendAsAsync(HttpMethod.Get, $"{Route}/alices", Bob), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.SendAsAsync(HttpMethod.Post, $"{Route}/alices/touch", Bob), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.GetAsync($"{Route}/missing"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await Client.GetJsonAsync($"{Route}/alices")).GetProperty("message_count").GetInt32());
    }

    [Fact]
    public async Task Touching_records_activity_and_counts_messages()
    {
        await Client.CreateSessionAsync("s1");
        Factory.Clock.Advance(TimeSpan.FromMinutes(7));

        await Client.TouchAsync("s1");
        var touched = await Client.TouchAsync("s1", messages: 3);

        Assert.Equal(4, touched.GetProperty("message_count").GetInt32());
        Assert.Equal(ApiFactory.Epoch.AddMinutes(7), touched.GetProperty("last_active").GetDateTimeOffset());
        Assert.Equal(ApiFactory.Epoch, touched.GetProperty("created_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Concurrent_touches_lose_no_message()
    {
        await Client.CreateSessionAsync("busy");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Client.PostAsync($"{Route}/busy/touch", null)));

        Assert.Equal(20, (await Client.GetJsonAsync($"{Route}/busy")).GetProperty("message_count").GetInt32());
    }

    [Fact]
    public async Task Latest_is_the_active_session_with_the_latest_activity()
    {
        await AssertProblemAsync(await Client.GetAsync($"{Route}/latest"), HttpStatusCode.NotFound);
        await Client.CreateSessionAsync("older");
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Client.CreateSessionAsync("newer");
        await Client.CreateSessionAsync("bobs", user: Bob);
        Assert.Equal("newer", (await Client.GetJsonAsync($"{Route}/latest")).SessionId());

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Client.TouchAsync("older");
        Assert.Equal("older", (await Client.GetJsonAsync($"{Route}/latest")).SessionId());
    }

    [Fact]
    public async Task Latest_ignores_expired_sessions()
    {
        await Client.CreateSessionAsync("stale");
        Factory.Clock.Advance(TimeSpan.FromHours(25));
        await Client.PostJsonAsync($"{Route}/expire-idle");
        await AssertProblemAsync(await Client.GetAsync($"{Route}/latest"), HttpStatusCode.NotFound);

        // Touching it again means the conversation goes on: it is active once more.
        await Client.TouchAsync("stale");
        Assert.Equal("stale", (await Client.GetJsonAsync($"{Route}/latest")).SessionId());
    }

    [Fact]
    public async Task Listing_goes_by_latest_activity_and_filters_by_state()
    {
        await Client.CreateSessionAsync("a");
        Factory.Clock.Advance(TimeSpan.FromHours(30));
        await Client.CreateSessionAsync("b");
        await Client.PostJsonAsync($"{Route}/expire-idle"); // a is idle for 30 h
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Client.CreateSessionAsync("c");
        await Client.CreateSessionAsync("bobs", user: Bob);

        var all = await Client.GetJsonAsync(Route);
        Assert.Equal(["c", "b", "a"], all.SessionIds());
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(["c", "b"], (await Client.GetJsonAsync($"{Route}?active=true")).SessionIds());
        Assert.Equal(["a"], (await Client.GetJsonAsync($"{Route}?active=false")).SessionIds());
        Assert.Equal(["b"], (await Client.GetJsonAsync($"{Route}?limit=1&offset=1")).SessionIds());
    }
}
