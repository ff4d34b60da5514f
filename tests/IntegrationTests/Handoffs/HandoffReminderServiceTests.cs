using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Infrastructure.Jobs;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Handoffs.HandoffRequests;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

/// <summary>The timer-driven reminder job as the service runs it.</summary>
public sealed class HandoffReminderServiceTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Without_a_bot_token_the_job_does_not_run_says_so_once_and_readiness_stays_healthy()
    {
        await Client.CreateHandoffAsync();
        await using var slack = await SlackStub.StartAsync();
        var logs = new CapturedLogs();
        await using var instance = Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Reminders:Enabled", "true");
            builder.UseSetting("Reminders:Interval", "00:00:01");
            builder.UseSetting("Slack:BaseAddress", slack.BaseAddress.ToString());
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(logs)));
        });
        using var client = instance.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Empty(slack.Requests);
        var said = logs.Entries.Where(e => e.Category == typeof(HandoffReminderJob).FullName).ToArray();
        var warning = Assert.Single(said);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Slack:BotToken", warning.Message);
    }

    [Fact]
    public async Task With_a_bot_token_the_job_sends_due_reminders_on_its_own_every_interval()
    {
        var handoff = await Client.CreateHandoffAsync();
        await using var slack = await SlackStub.StartAsync();
        await using var instance = Factory.WithSlack(slack, ("Reminders:Enabled", "true"), ("Reminders:Interval", "00:00:01"));
        _ = instance.Services; // starts the host and its hosted services

        // Slack sees the call before the job records it, so wait for the record, not for the call.
        var uri = $"{Route}/{handoff.GetProperty("id").GetString()}";
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await Client.GetOkJsonAsync(uri)).GetProperty("reminded_at").ValueKind == JsonValueKind.Null
               && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(JsonValueKind.String, (await Client.GetOkJsonAsync(uri)).GetProperty("reminded_at").ValueKind);
        Assert.Equal(Bob, Assert.Single(slack.Requests).Channel);

        // Later ticks find nothing more to send.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(slack.Requests);
    }
}
