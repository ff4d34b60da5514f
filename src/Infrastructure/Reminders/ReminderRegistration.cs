using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Slack;

namespace NakamuraMisaki.Infrastructure.Reminders;

internal static class ReminderRegistration
{
    public static IServiceCollection AddHandoffReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSlackClient(configuration);
        services.AddOptions<ReminderOptions>()
            .Bind(configuration.GetSection(ReminderOptions.Section))
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(1), "Reminders:Interval must be at least one second.")
            .Validate(o => o.LeadTime >= TimeSpan.Zero, "Reminders:LeadTime must not be negative.")
            .Validate(o => o.BatchSize is >= 1 and <= 1000, "Reminders:BatchSize must be 1 to 1000.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                "Reminders:TimeZone must be an IANA time zone such as Asia/Tokyo.")
            .Validate<IOptions<SlackOptions>>((o, slack) => o.LeaseDuration > slack.Value.Timeout,
                "Reminders:LeaseDuration must be longer than Slack:Timeout, or no send could start within a lease.")
            .ValidateOnStart();

        services.AddScoped<HandoffReminderQueue>();
        services.AddSingleton<HandoffReminderDispatcher>();
        services.AddSingleton<ReminderMetrics>();
        services.AddHostedService<HandoffReminderService>();
        return services;
    }
}
