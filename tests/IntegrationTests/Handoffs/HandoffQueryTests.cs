using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Handoffs.HandoffRequests;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

public sealed class HandoffQueryTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly DateTimeOffset Now = ApiFactory.Epoch;

    [Fact]
    public async Task Pending_lists_the_recipients_open_hand_offs_by_handoff_at()
    {
        await Client.CreateHandoffAsync(progressNote: "later", handoffAt: Now.AddHours(3));
        await Client.CreateHandoffAsync(progressNote: "earliest", handoffAt: Now.AddHours(-1));
        await Client.HandoffTransitionAsync(await Client.CreateHandoffAsync(progressNote: "accepted", handoffAt: Now.AddHours(1)), "accept");
        await Client.HandoffTransitionAsync(await Client.CreateHandoffAsync(progressNote: "done", handoffAt: Now), "complete");
        await Client.CreateHandoffAsync(progressNote: "for-carol", to: Carol, handoffAt: Now);
        await Client.CreateHandoffAsync(progressNote: "from-bob-to-alice", from: Bob, to: Alice, handoffAt: Now);

        // The recipient's own list: recipient defaults to the acting user.
        var page = await Client.GetOkJsonAsync($"{Route}/pending", Bob);

        Assert.Equal(["earliest", "accepted", "later"], page.Notes());
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(page.GetRawText(), (await Client.GetOkJsonAsync($"{Route}/pending?recipient={Bob}", Bob)).GetRawText());
    }

    [Fact]
    public async Task Pending_pages_with_limit_and_offset()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.CreateHandoffAsync(progressNote: $"h{i}", handoffAt: Now.AddMinutes(i));
        }

        var page = await Client.GetOkJsonAsync($"{Route}/pending?recipient={Bob}&limit=2&offset=2");
        Assert.Equal(["h2", "h3"], page.Notes());
        Assert.Equal(5, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Sent_lists_what_the_sender_handed_off_latest_first_and_can_leave_out_completed()
    {
        await Client.CreateHandoffAsync(progressNote: "old", handoffAt: Now.AddDays(-2));
        await Client.HandoffTransitionAsync(await Client.CreateHandoffAsync(progressNote: "done", to: Carol, handoffAt: Now.AddDays(-1)), "complete");
        await Client.CreateHandoffAsync(progressNote: "next", handoffAt: Now.AddDays(1));
        await Client.CreateHandoffAsync(progressNote: "bobs", from: Bob, to: Carol, handoffAt: Now);

        var all = await Client.GetOkJsonAsync($"{Route}/sent?sender={Alice}");
        Assert.Equal(["next", "done", "old"], all.Notes());
        Assert.Equal(all.GetRawText(), (await Client.GetOkJsonAsync($"{Route}/sent", Alice)).GetRawText()); // sender defaults to the acting user

        var open = await Client.GetOkJsonAsync($"{Route}/sent?sender={Alice}&include_completed=false");
        Assert.Equal(["next", "old"], open.Notes());
    }

    [Theory]
    [InlineData("/pending?recipient=bob", "recipient")]
    [InlineData("/pending?recipient=U0BOB0002&limit=0", "limit")]
    [InlineData("/pending?recipient=U0BOB0002&limit=101", "limit")]
    [InlineData("/pending?recipient=U0BOB0002&offset=-1", "offset")]
    [InlineData("/pending?recipient=U0BOB0002&limit=x", "limit")]
    [InlineData("/sent?sender=", "sender")]
    [InlineData("/sent?sender=U0alice", "sender")]
    [InlineData("/sent?sender=U0ALICE01&include_completed=maybe", "include_completed")]
    [InlineData("/sent?sender=U0ALICE01&limit=0", "limit")]
    public async Task Queries_with_bad_parameters_answer_400_naming_them(string pathAndQuery, string field)
    {
        await AssertValidationProblemAsync(await Client.GetAsync(Route + pathAndQuery), field);
    }
}
