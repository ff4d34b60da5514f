using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.Infrastructure.Slack;

namespace NakamuraMisaki.Api.Health;

/// <summary>
/// The Slack side as /health/ready shows it: "NotConfigured" without a bot token, "Degraded" (with the error code and
/// since when) once Slack refused the token and this instance stopped sending reminders, else "Healthy". Read from
/// memory, so readiness makes no call to Slack.
/// </summary>
internal static class SlackReadiness
{
    public static (bool Degraded, object Details) Describe(IServiceProvider services)
    {
        if (!services.GetRequiredService<IOptions<SlackOptions>>().Value.HasBotToken)
        {
            return (false, new { status = "NotConfigured" });
        }

        return services.GetRequiredService<ReminderSendingHalt>().Current is { } halt
            ? (true, new { status = "Degraded", error = halt.Error, since = halt.Since })
            : (false, new { status = "Healthy" });
    }
}
