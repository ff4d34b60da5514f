using NakamuraMisaki.IntegrationTests.Handoffs;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Context.ContextRequests;

namespace NakamuraMisaki.IntegrationTests.Context;

/// <summary>The context holds only what the acting user may see, and every request names its acting user.</summary>
public sealed class ContextIsolationTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string?, string, string> MissingOrMalformedActingUsers() => MalformedActingUsers.Against(("POST", ""));

    [Theory]
    [MemberData(nameof(MissingOrMalformedActingUsers))]
    public async Task The_endpoint_needs_a_valid_acting_user_header(string? actingUser, string method, string path)
    {
        await AssertValidationProblemAsync(await Factory.SendActingAsAsync(
            actingUser, method, Route + path, new { query = "移行", budget_tokens = 100 }), "X-Slack-User-Id");
    }

    [Fact]
    public async Task Nothing_of_another_user_appears_only_what_they_share_with_the_acting_user()
    {
        await ContextSeed.PlantAsync(Client);
        // What Bob may see of Alice's: the hand-off she sent him. A task he created for her is hers to do, not his.
        var bobsTaskForAlice = await Client.CreateTaskAsync("Bob が Alice に頼んだ移行作業", dueAt: ApiFactory.Epoch.AddHours(-1));

        var bobs = await Client.ContextAsync(new { query = ContextSeed.Query, session_id = "bobs", budget_tokens = 200_000 }, Bob);
        var alices = await Client.ContextAsync(new { query = ContextSeed.Query, budget_tokens = 200_000 }, Alice);

        Assert.All(bobs.Items(), i => Assert.True(
            i.Text().Contains("Bob", StringComparison.Ordinal) || i.Kind() == "task" && i.Text().Contains("Bob の期限切れタスク"),
            $"Bob sees {i.Kind()}: {i.Text()}"));
        Assert.Equal(["handoff", "message", "note", "task"], bobs.Items().Select(i => i.Kind()).Distinct().Order());
        Assert.DoesNotContain(bobs.Items(), i => i.Kind() == "past_message");
        Assert.DoesNotContain(bobs.Items(), i => i.GetProperty("id").GetString() == bobsTaskForAlice.Id());
        Assert.Contains(alices.Items(), i => i.GetProperty("id").GetString() == bobsTaskForAlice.Id());
        Assert.DoesNotContain(alices.Items(), i => i.Text().Contains("Bob の秘密") || i.Text().Contains("Bob のメモ")
            || i.Text().Contains("Bob の期限切れタスク") || i.Text().Contains("Alice から Bob へ"));
    }
}
