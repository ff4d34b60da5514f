using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;
using Xunit.Abstractions;
using static NakamuraMisaki.IntegrationTests.Handoffs.HandoffRequests;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

/// <summary>Two API instances dispatching at the same moment against one database.</summary>
public sealed class HandoffReminderConcurrencyTests(ApiFactory factory, ITestOutputHelper output) : ApiTest(factory)
{
    private const int Count = 200;

    [Fact]
    public async Task Two_instances_dispatching_at_once_send_each_of_200_due_reminders_exactly_once()
    {
        // One recipient per hand-off, so each Slack call names exactly one reminder.
        var recipients = Enumerable.Range(0, Count).Select(i => $"U0R{i:D4}").ToArray();
        foreach (var recipient in recipients)
        {
            await Client.CreateHandoffAsync(to: recipient, progressNote: recipient);
        }

        await using var slack = await SlackStub.StartAsync();
        // A little latency per call keeps both instances busy at once, so their claims really overlap.
        slack.AnswerWith(_ => SlackStubAnswer.Ok with { Delay = TimeSpan.Zero });
        await using var first = Factory.WithSlack(slack, ("Reminders:BatchSize", "1"));
        await using var second = Factory.WithSlack(slack, ("Reminders:BatchSize", "1"));

        var clock = Stopwatch.StartNew();
        var passes = await Task.WhenAll(
            Task.Run(() => first.SendDueRemindersAsync()),
            Task.Run(() => second.SendDueRemindersAsync()));
        clock.Stop();
        output.WriteLine($"{Count} reminders by two instances in {clock.ElapsedMilliseconds} ms: " +
                         $"{passes[0].Sent} + {passes[1].Sent}");

        Assert.Equal(Count, passes[0].Sent + passes[1].Sent);
        Assert.All(passes, p => Assert.True(p.Sent > 0, "both instances should have taken part"));
        Assert.All(passes, p => Assert.Equal(0, p.Failed + p.Deferred));
        var channels = slack.Requests.Select(r => r.Channel!).ToArray();
        Assert.Equal(Count, channels.Length);
        Assert.Equal(recipients.Order(), channels.Order());
        Assert.Equal(Count, await CountRemindedAsync());

        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await first.SendDueRemindersAsync()).Sent);
        Assert.Equal(Count, slack.Requests.Count);
    }

    [Fact]
    public async Task A_claim_passes_over_reminders_another_claimer_has_locked_instead_of_waiting()
    {
        await Client.CreateHandoffAsync(to: "U0LOCKED1", handoffAt: Factory.Clock.GetUtcNow().AddMinutes(-1));
        await Client.CreateHandoffAsync(to: "U0FREE001");
        await using var slack = await SlackStub.StartAsync();
        await using var instance = Factory.WithSlack(slack);

        // Another claimer is in the middle of its claim statement: it holds the earliest due row locked.
        await using var other = new NpgsqlConnection(Factory.Database.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand(
            "SELECT id FROM handoffs WHERE to_user_id = 'U0LOCKED1' FOR UPDATE", other, transaction))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        using var scope = instance.Services.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<IHandoffReminderQueue>();
        var now = Factory.Clock.GetUtcNow();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var claimed = await queue.ClaimAsync(now, now.AddMinutes(10), now.AddMinutes(2), 10, patience.Token);

        Assert.Equal("U0FREE001", Assert.Single(claimed).ToUserId);
    }

    private async Task<long> CountRemindedAsync()
    {
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM handoffs WHERE reminded_at IS NOT NULL AND reminder_claimed_until IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
