using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NakamuraMisaki.Infrastructure.Jobs;

internal static class JobServices
{
    /// <summary>Always registered; each job reads its Enabled flag when the host starts and returns at once if off.</summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionCleanupOptions>().Bind(configuration.GetSection(SessionCleanupOptions.Section))
            .Validate(o => o.IntervalMinutes >= 1 && o.IdleHours >= 1 && o.InactiveDays >= 1,
                "Sessions:Cleanup needs IntervalMinutes, IdleHours and InactiveDays of at least 1.")
            .ValidateOnStart();
        services.AddHostedService<NoteEmbeddingBackfillJob>();
        services.AddHostedService<SessionCleanupJob>();
        return services;
    }
}
