using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Handoffs.HandoffRequests;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

/// <summary>The reminder job, one pass at a time, against a stand-in Slack on loopback.</summary>
public sealed class HandoffReminderTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly TimeSpan LeadTime = TimeSpan.FromMinutes(10);
    private SlackStub _slack = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _slack = await SlackStub.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_due_reminder_is_sent_once_with_the_bot_token_the_recipient_as_channel_and_the_details()
    {
        var task = await Client.CreateTaskAsync("月次レポート");
        var handoff = await Client.CreateHandoffAsync(
            from: Alice, to: Bob, progressNote: "集計は終わった <!channel> & co", nextSteps: "グラフを作って送る",
            handoffAt: Factory.Clock.GetUtcNow() + LeadTime, taskId: task.Id());
        await using var instance = Factory.WithSlack(_slack);

        var pass = await instance.SendDueRemindersAsync();

        Assert.Equal(new ReminderPassResult(1, 0, 0, false), pass);
        using (var scraper = instance.CreateClient())
        {
            Assert.Matches("""nakamura_misaki_reminders_total\{[^}]*outcome="sent"[^}]*\} 1\b""", await scraper.GetStringAsync("/metrics"));
        }

        var request = Assert.Single(_slack.Requests);
        Assert.Equal("/api/chat.postMessage", request.Path);
        Assert.Equal($"Bearer {ReminderHosts.BotToken}", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal(Bob, request.Channel);
        Assert.Contains($"<@{Alice}>", request.Text);
        Assert.Contains("引き継ぎ", request.Text);
        Assert.Contains("*関連タスク:* 月次レポート", request.Text);
        // User text is escaped, so a note cannot ping the whole channel.
        Assert.Contains("集計は終わった &lt;!channel&gt; &amp; co", request.Text);
        Assert.Contains("グラフを作って送る", request.Text);
        Assert.Contains("2026年6月15日 12:10 Asia/Tokyo", request.Text);

        var stored = await Client.GetOkJsonAsync($"{Route}/{handoff.GetProperty("id").GetString()}");
        Assert.Equal(ApiFactory.Epoch, stored.GetProperty("reminded_at").GetDateTimeOffset());

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ReminderPassResult.Nothing, await instance.SendDueRemindersAsync());
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task A_hand_off_is_not_reminded_before_the_lead_time_and_is_once_it_is_reached()
    {
        var handoff = await Client.CreateHandoffAsync(handoffAt: Factory.Clock.GetUtcNow() + LeadTime + TimeSpan.FromMinutes(1));
        await using var instance = Factory.WithSlack(_slack);

        Assert.Equal(ReminderPassResult.Nothing, await instance.SendDueRemindersAsync());
        Factory.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(ReminderPassResult.Nothing, await instance.SendDueRemindersAsync());
        Assert.Empty(_slack.Requests);

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await instance.SendDueRemindersAsync()).Sent);
        Assert.Equal(Bob, Assert.Single(_slack.Requests).Channel);
        Assert.DoesNotContain("関連タスク", _slack.Requests[0].Text);
        var stored = await Client.GetOkJsonAsync($"{Route}/{handoff.GetProperty("id").GetString()}");
        Assert.Equal(JsonValueKind.String, stored.GetProperty("reminded_at").ValueKind);
    }

    [Fact]
    public async Task The_lead_time_is_configurable()
    {
        await Client.CreateHandoffAsync(handoffAt: Factory.Clock.GetUtcNow() + TimeSpan.FromMinutes(30));
        await using var tenMinutes = Factory.WithSlack(_slack);
        await using var hourAhead = Factory.WithSlack(_slack, ("Reminders:LeadTime", "01:00:00"));

        Assert.Equal(0, (await tenMinutes.SendDueRemindersAsync()).Sent);
        Assert.Equal(1, (await hourAhead.SendDueRemindersAsync()).Sent);
    }

    public static TheoryData<string> Failures() => ["slack_error", "http_500", "timeout"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_send_leaves_the_reminder_for_the_next_pass_which_sends_and_marks_it(string failure)
    {
        var handoff = await Client.CreateHandoffAsync();
        var answers = 0;
        _slack.AnswerWith(_ => Interlocked.Increment(ref answers) > 1 ? SlackStubAnswer.Ok : failure switch
        {
            "slack_error" => SlackStubAnswer.SlackError("internal_error"),
            "http_500" => new SlackStubAnswer(500),
            _ => SlackStubAnswer.Ok with { Delay = TimeSpan.FromSeconds(5) },
        });
        await using var instance = Factory.WithSlack(_slack, ("Slack:Timeout", "00:00:01"));
        var uri = $"{Route}/{handoff.GetProperty("id").GetString()}";

        Assert.Equal(new ReminderPassResult(0, 1, 0, false), await instance.SendDueRemindersAsync());
        Assert.Equal(JsonValueKind.Null, (await Client.GetOkJsonAsync(uri)).GetProperty("reminded_at").ValueKind);

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new ReminderPassResult(1, 0, 0, false), await instance.SendDueRemindersAsync());
        Assert.Equal(Factory.Clock.GetUtcNow(), (await Client.GetOkJsonAsync(uri)).GetProperty("reminded_at").GetDateTimeOffset());
        Assert.Equal(2, _slack.Requests.Count);
    }

    [Fact]
    public async Task One_hand_off_that_keeps_failing_does_not_hold_up_the_others()
    {
        const string unknownUser = "U0GONE999";
        await Client.CreateHandoffAsync(to: unknownUser, progressNote: "bad", handoffAt: Factory.Clock.GetUtcNow().AddHours(-1));
        await Client.CreateHandoffAsync(to: Bob, progressNote: "good-1");
        await Client.CreateHandoffAsync(to: Carol, progressNote: "good-2", handoffAt: Factory.Clock.GetUtcNow().AddMinutes(1));
        // A transient error (a permanent one is given up on at once: HandoffReminderRetryTests).
        _slack.AnswerWith(r => r.Channel == unknownUser ? SlackStubAnswer.SlackError("internal_error") : SlackStubAnswer.Ok);
        // Batches of one: the failing reminder is claimed first, and the pass must still go on to the rest.
        await using var instance = Factory.WithSlack(_slack, ("Reminders:BatchSize", "1"));

        Assert.Equal(new ReminderPassResult(2, 1, 0, false), await instance.SendDueRemindersAsync());
        Assert.Equal(new[] { unknownUser, Bob, Carol }, _slack.Requests.Select(r => r.Channel!).ToArray());

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new ReminderPassResult(0, 1, 0, false), await instance.SendDueRemindersAsync());
        Assert.Equal(unknownUser, _slack.Requests[^1].Channel);
    }

    [Fact]
    public async Task Completed_hand_offs_are_never_reminded()
    {
        var done = await Client.CreateHandoffAsync(to: Bob, progressNote: "done");
        await Client.HandoffTransitionAsync(done, "complete");
        var accepted = await Client.CreateHandoffAsync(to: Carol, progressNote: "accepted");
        await Client.HandoffTransitionAsync(accepted, "accept");
        await using var instance = Factory.WithSlack(_slack);

        Assert.Equal(1, (await instance.SendDueRemindersAsync()).Sent);
        Assert.Equal(Carol, Assert.Single(_slack.Requests).Channel);

        Factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await instance.SendDueRemindersAsync()).Sent);
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task A_429_stops_the_pass_and_nothing_is_sent_until_retry_after_has_passed()
    {
        for (var i = 0; i < 3; i++)
        {
            await Client.CreateHandoffAsync(progressNote: $"h{i}", handoffAt: Factory.Clock.GetUtcNow().AddMinutes(i));
        }

        var answers = 0;
        _slack.AnswerWith(_ => Interlocked.Increment(ref answers) == 1 ? SlackStubAnswer.RateLimited(30) : SlackStubAnswer.Ok);
        await using var first = Factory.WithSlack(_slack);
        await using var second = Factory.WithSlack(_slack);

        Assert.Equal(new ReminderPassResult(0, 0, 3, true), await first.SendDueRemindersAsync());
        Assert.Single(_slack.Requests);

        // Within Retry-After neither this instance nor another one sends the deferred reminders.
        Factory.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(ReminderPassResult.WaitingOutRateLimit, await first.SendDueRemindersAsync());
        Assert.Equal(ReminderPassResult.Nothing, await second.SendDueRemindersAsync());
        Assert.Single(_slack.Requests);

        Factory.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new ReminderPassResult(3, 0, 0, false), await first.SendDueRemindersAsync());
        Assert.Equal(4, _slack.Requests.Count);
    }

    [Fact]
    public async Task A_reminder_claimed_by_an_instance_that_died_is_sent_by_another_once_the_lease_expires()
    {
        await Client.CreateHandoffAsync();
        await using var dead = Factory.WithSlack(_slack);
        await using var survivor = Factory.WithSlack(_slack, ("Reminders:LeaseDuration", "00:02:00"));
        var now = Factory.Clock.GetUtcNow();
        using (var scope = dead.Services.CreateScope())
        {
            // The dead instance got as far as claiming, then vanished without sending or giving the claim back.
            var queue = scope.ServiceProvider.GetRequiredService<IHandoffReminderQueue>();
            Assert.Single(await queue.ClaimAsync(now, now + LeadTime, now + TimeSpan.FromMinutes(2), 10, CancellationToken.None));
        }

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await survivor.SendDueRemindersAsync()).Sent);
        Assert.Empty(_slack.Requests);

        Factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await survivor.SendDueRemindersAsync()).Sent);
        Assert.Single(_slack.Requests);
    }
}
