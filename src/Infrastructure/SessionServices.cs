using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Application.Sessions;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Infrastructure.Jobs;
using NakamuraMisaki.Infrastructure.Persistence.Repositories;

namespace NakamuraMisaki.Infrastructure;

internal static class SessionServices
{
    /// <summary>Sessions storage, their settings, and the clean-up job (which reads its Enabled flag at start).</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ISessionRepository, SessionRepository>();
        services.AddScoped<ISessionHistoryRepository, SessionHistoryRepository>();
        services.AddScoped<ISessionMessageReader, SessionMessageReader>();
        services.AddSingleton<SessionHistoryTailReader>();
        services.AddOptions<SessionSettings>().Bind(configuration.GetSection(SessionSettings.Section))
            .Validate(s => TimeZoneInfo.TryFindSystemTimeZoneById(s.TitleTimeZone, out _),
                $"Sessions:TitleTimeZone is not a known time zone; use an IANA name such as {TimeZoneRules.DefaultTimeZone}.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SessionSettings>>().Value);

        services.AddOptions<SessionCleanupOptions>().Bind(configuration.GetSection(SessionCleanupOptions.Section))
            .Validate(o => o.IntervalMinutes >= 1 && o.IdleHours >= 1 && o.InactiveDays >= 1,
                "Sessions:Cleanup needs IntervalMinutes, IdleHours and InactiveDays of at least 1.")
            .ValidateOnStart();
        services.AddHostedService<SessionCleanupJob>();
        return services;
    }
}
