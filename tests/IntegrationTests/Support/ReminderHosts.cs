using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.Infrastructure.Reminders;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// Extra instances of the service, over the same test database and clock, whose Slack is a <see cref="SlackStub"/>.
/// Each is a separate host with its own connection pool, as a second API instance would be. Their timer-driven
/// reminder job stays off (inherited Reminders:Enabled=false): tests send the passes themselves.
/// </summary>
internal static class ReminderHosts
{
    public const string BotToken = "xoxb-test-0000-token";

    public static WebApplicationFactory<Program> WithSlack(
        this ApiFactory factory, SlackStub slack, params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Slack:BotToken", BotToken);
            builder.UseSetting("Slack:BaseAddress", slack.BaseAddress.ToString());
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    /// <summary>One reminder pass of <paramref name="host"/>, with its Reminders settings, as its job would send it.</summary>
    public static async Task<ReminderPassResult> SendDueRemindersAsync(
        this WebApplicationFactory<Program> host, CancellationToken cancellationToken = default)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetRequiredService<IOptions<ReminderOptions>>().Value.ToCommand();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }
}
