using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionMessageRequests;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

/// <summary>A session's history exists for the session's owner only, like the session itself.</summary>
public sealed class SessionMessageIsolationTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Every_history_endpoint_answers_404_to_another_user_and_changes_nothing()
    {
        await Client.CreateSessionAsync("alices");
        await Client.AppendAsync("alices", "秘密の話");

        await AssertProblemAsync(await Client.PostMessageAsync("alices", new { role = "user", content = "x" }, Bob), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.PostBatchAsync("alices", new { messages = new[] { new { role = "user", content = "x" } } }, Bob), HttpStatusCode.NotFound);
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, Messages("alices")), (HttpMethod.Get, Messages("alices") + "?last=5"),
                     (HttpMethod.Get, Messages("alices") + "/1"), (HttpMethod.Delete, Messages("alices") + "/before/2"),
                     (HttpMethod.Delete, Messages("alices")),
                 })
        {
            await AssertProblemAsync(await Client.SendAsAsync(method, path, Bob), HttpStatusCode.NotFound);
        }

        Assert.Equal(["秘密の話"], (await Client.GetJsonAsync(Messages("alices"))).Contents());
        Assert.Equal(1, (await Client.GetJsonAsync($"{Route}/alices")).GetProperty("message_count").GetInt32());
    }

    [Fact]
    public async Task Search_leaves_out_other_users_messages_even_when_their_session_is_named()
    {
        await Client.CreateSessionAsync("alices");
        await Client.AppendAsync("alices", "移行手順");
        await Client.CreateSessionAsync("bobs", user: Bob);
        await Client.AppendAsync("bobs", "移行手順 of Bob", user: Bob);

        Assert.Equal(["移行手順 of Bob"], (await Client.GetJsonAsync($"{Route}/messages/search?q=移行手順", Bob)).Contents());
        Assert.Empty((await Client.GetJsonAsync($"{Route}/messages/search?q=移行手順&session_id=alices", Bob)).Contents());
    }

    [Fact]
    public async Task A_missing_session_is_404()
    {
        await AssertProblemAsync(await Client.PostMessageAsync("nobodys", new { role = "user", content = "x" }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.GetAsync(Messages("nobodys") + "?last=20"), HttpStatusCode.NotFound);
    }
}
