using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;

namespace NakamuraMisaki.Infrastructure.Slack;

internal static class SlackRegistration
{
    public static IServiceCollection AddSlackClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.Section))
            .Validate(o => o.BaseAddress.IsAbsoluteUri, "Slack:BaseAddress must be an absolute URL.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Slack:Timeout must be positive.")
            .ValidateOnStart();

        services.AddHttpClient<SlackClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
                // A base address without a trailing slash would drop its last segment ("…/api" + "chat.postMessage").
                var root = options.BaseAddress.AbsoluteUri;
                http.BaseAddress = new Uri(root.EndsWith('/') ? root : root + "/");
                if (options.HasBotToken)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.BotToken);
                }
            })
            // Only a timeout, deliberately no retry: a POST that timed out may still have reached Slack, and retrying
            // it at once would post the DM twice. The reminder dispatcher retries on its next pass instead, and
            // handles 429 Retry-After itself, for all of its pending sends.
            .AddResilienceHandler("slack", (pipeline, context) => pipeline.AddTimeout(
                context.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.Timeout));
        return services;
    }
}
