using System.Net;
using System.Text.Json;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Handoffs.HandoffRequests;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

/// <summary>
/// Nothing is retried forever: Slack's answers by class (docs/reminders.md, "When a send fails"), against the same
/// loopback Slack stand-in as the other reminder tests.
/// </summary>
public sealed class HandoffReminderRetryTests(ApiFactory factory) : ApiTest(factory)
{
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

    public static TheoryData<string> PermanentErrors() =>
        ["channel_not_found", "user_not_found", "is_archived", "not_in_channel", "cannot_dm_bot"];

    [Theory]
    [MemberData(nameof(PermanentErrors))]
    public async Task A_permanent_error_marks_the_reminder_failed_with_the_reason_and_it_is_never_retried(string error)
    {
        var handoff = await Client.CreateHandoffAsync();
        var other = await Client.CreateHandoffAsync(to: Carol, progressNote: "other");
        _slack.AnswerWith(r => r.Channel == Bob ? SlackStubAnswer.SlackError(error) : SlackStubAnswer.Ok);
        await using var instance = Factory.WithSlack(_slack);

        Assert.Equal(new ReminderPassResult(1, 0, 0, false, GaveUp: 1), await instance.SendDueRemindersAsync());

        var stored = await Client.GetOkJsonAsync(UriOf(handoff));
        Assert.Equal(Factory.Clock.GetUtcNow(), stored.GetProperty("reminder_failed_at").GetDateTimeOffset());
        Assert.Equal(error, stored.GetProperty("reminder_error").GetString());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("reminded_at").ValueKind);
        var sent = await Client.GetOkJsonAsync(UriOf(other));
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("reminder_failed_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("reminder_error").ValueKind);
        using (var scraper = instance.CreateClient())
        {
            Assert.Matches(
                $$"""nakamura_misaki_reminders_total\{[^}]*outcome="gave_up"[^}]*reason="{{error}}"[^}]*\} 1\b""",
                await scraper.GetStringAsync("/metrics"));
        }

        for (var minute = 0; minute < 90; minute += 10)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(ReminderPassResult.Nothing, await instance.SendDueRemindersAsync());
        }

        Assert.Equal(2, _slack.Requests.Count);
    }

    public static TheoryData<string> AuthErrors() => ["invalid_auth", "not_authed", "token_revoked", "account_inactive"];

    [Theory]
    [MemberData(nameof(AuthErrors))]
    public async Task An_auth_error_stops_all_sending_degrades_slack_in_readiness_and_blames_no_hand_off(string error)
    {
        var first = await Client.CreateHandoffAsync(progressNote: "first");
        await Client.CreateHandoffAsync(to: Carol, progressNote: "second", handoffAt: Factory.Clock.GetUtcNow().AddMinutes(1));
        _slack.AnswerWith(_ => SlackStubAnswer.SlackError(error));
        await using var revoked = Factory.WithSlack(_slack);

        Assert.Equal(new ReminderPassResult(0, 0, 2, false, Halted: true), await revoked.SendDueRemindersAsync());
        Assert.Single(_slack.Requests);

        using (var probe = revoked.CreateClient())
        {
            // Still ready (200): the database is fine and requests are served; Slack's side is named as degraded.
            using var response = await probe.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            Assert.Equal("Healthy", body.GetProperty("database").GetProperty("status").GetString());
            Assert.Equal("Degraded", body.GetProperty("slack").GetProperty("status").GetString());
            Assert.Equal(error, body.GetProperty("slack").GetProperty("error").GetString());
            Assert.Matches(
                $$"""nakamura_misaki_reminders_total\{[^}]*outcome="halted"[^}]*reason="{{error}}"[^}]*\} 1\b""",
                await probe.GetStringAsync("/metrics"));
        }

        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(ReminderPassResult.HaltedBefore, await revoked.SendDueRemindersAsync());
        Assert.Single(_slack.Requests);
        Assert.Equal(JsonValueKind.Null, (await Client.GetOkJsonAsync(UriOf(first))).GetProperty("reminder_failed_at").ValueKind);

        // The hand-offs were given back untouched: an instance whose token works sends both.
        _slack.AnswerWith(_ => SlackStubAnswer.Ok);
        await using var fixedToken = Factory.WithSlack(_slack);
        Assert.Equal(new ReminderPassResult(2, 0, 0, false), await fixedToken.SendDueRemindersAsync());
    }

    [Fact]
    public async Task Readiness_names_slack_healthy_while_sending_and_not_configured_without_a_token()
    {
        await using var instance = Factory.WithSlack(_slack);
        using var withToken = instance.CreateClient();
        var ready = JsonDocument.Parse(await withToken.GetStringAsync("/health/ready")).RootElement;
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("slack").GetProperty("status").GetString());

        var bare = JsonDocument.Parse(await Client.GetStringAsync("/health/ready")).RootElement;
        Assert.Equal("NotConfigured", bare.GetProperty("slack").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Transient_errors_back_off_exponentially_per_hand_off_up_to_the_cap()
    {
        var failing = await Client.CreateHandoffAsync();
        _slack.AnswerWith(_ => new SlackStubAnswer(503));
        await using var instance = Factory.WithSlack(_slack, ("Reminders:MaxBackoffMinutes", "4"));

        // A pass a minute for 30 minutes. The first failure is retried by the next pass; after that the waits are
        // 1, 2, 4, 4 … minutes (cap 4), and a reminder is taken by the first pass after its wait has ended.
        var attemptedAt = new List<int>();
        for (var minute = 0; minute < 30; minute++)
        {
            var before = _slack.Requests.Count;
            var pass = await instance.SendDueRemindersAsync();
            if (_slack.Requests.Count > before)
            {
                attemptedAt.Add(minute);
                Assert.Equal(new ReminderPassResult(0, 1, 0, false), pass);
            }

            Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([0, 1, 3, 6, 11, 16, 21, 26], attemptedAt);
        Assert.Equal(JsonValueKind.Null, (await Client.GetOkJsonAsync(UriOf(failing))).GetProperty("reminder_failed_at").ValueKind);

        // Slack recovers: the reminder goes out once its current wait is over.
        _slack.AnswerWith(_ => SlackStubAnswer.Ok);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new ReminderPassResult(1, 0, 0, false), await instance.SendDueRemindersAsync());
    }

    [Fact]
    public async Task Slacks_own_ratelimited_code_and_unknown_codes_are_transient()
    {
        await Client.CreateHandoffAsync(progressNote: "a");
        await Client.CreateHandoffAsync(to: Carol, progressNote: "b");
        _slack.AnswerWith(r => SlackStubAnswer.SlackError(r.Channel == Bob ? "ratelimited" : "some_future_error"));
        await using var instance = Factory.WithSlack(_slack);

        Assert.Equal(new ReminderPassResult(0, 2, 0, false), await instance.SendDueRemindersAsync());
        _slack.AnswerWith(_ => SlackStubAnswer.Ok);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new ReminderPassResult(2, 0, 0, false), await instance.SendDueRemindersAsync());
    }

    [Fact]
    public async Task The_openapi_document_shows_the_reminder_failure_fields_of_a_hand_off()
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");

        var handoff = document.GetProperty("components").GetProperty("schemas").GetProperty("HandoffResponse");
        Assert.True(handoff.GetProperty("properties").TryGetProperty("reminder_failed_at", out _));
        Assert.True(handoff.GetProperty("properties").TryGetProperty("reminder_error", out _));
    }

    private static string UriOf(JsonElement handoff) => $"{Route}/{handoff.GetProperty("id").GetString()}";
}
