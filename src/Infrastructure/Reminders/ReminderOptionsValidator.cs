using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Configuration;
using NakamuraMisaki.Infrastructure.Slack;

namespace NakamuraMisaki.Infrastructure.Reminders;

internal sealed class ReminderOptionsValidator(IOptions<SlackOptions> slack) : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options) => new[]
    {
        options.Interval >= TimeSpan.FromSeconds(1) ? null : "Reminders:Interval must be at least one second.",
        options.LeadTime >= TimeSpan.Zero ? null : "Reminders:LeadTime must not be negative.",
        options.BatchSize is >= 1 and <= 1000 ? null : "Reminders:BatchSize must be 1 to 1000.",
        options.MaxBackoffMinutes is >= 1 and <= 10_080 ? null : "Reminders:MaxBackoffMinutes must be 1 to 10080 (a week).",
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _)
            ? null : "Reminders:TimeZone must be an IANA time zone such as Asia/Tokyo.",
        options.LeaseDuration > slack.Value.Timeout
            ? null : "Reminders:LeaseDuration must be longer than Slack:Timeout, or no send could start within a lease.",
    }.ToResult();
}
