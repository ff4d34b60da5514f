using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Api.ErrorHandling;
using NakamuraMisaki.Infrastructure.Configuration;

namespace NakamuraMisaki.Api.Security;

internal static class SecurityServices
{
    /// <summary>
    /// Every endpoint requires an API key unless it opts out (health, OpenAPI): a new endpoint is protected by default.
    /// Authenticated callers are rate-limited per key.
    /// </summary>
    public static void AddApiSecurity(this WebApplicationBuilder builder)
    {
        DevelopmentApiKey.AddWhenUnconfigured(builder);
        AddKeysFile(builder.Configuration);
        var services = builder.Services;
        services.AddValidatedOptions<ApiKeyOptions, ApiKeyOptionsValidator>(builder.Configuration, ApiKeyOptions.Section);
        services.AddValidatedOptions<RateLimitingOptions, RateLimitingOptionsValidator>(builder.Configuration, RateLimitingOptions.Section);
        services.AddValidatedOptions<RequestLimitsOptions, RequestLimitsOptionsValidator>(builder.Configuration, RequestLimitsOptions.Section);
        services.AddRequestBodyLimit();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AuthRejectionMetrics>();
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeRefusal>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // No scheme named in the policy: the authentication middleware has already run the default (API key) scheme,
        // and naming it would make every request authenticate a second time and merge the two principals.
        services.AddAuthorizationBuilder().SetFallbackPolicy(
            new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, settings) =>
        {
            var limits = settings.Value;
            // Built once: a factory that captures the settings, written inline, would be a new delegate per request.
            // Each client's limiter copies these options when the partition is first created.
            var bucket = new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.PermitsPerSecond + limits.Burst,
                TokensPerPeriod = limits.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            };
            Func<string, TokenBucketRateLimiterOptions> perClient = _ => bucket;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity is { IsAuthenticated: true, Name: { } client }
                    ? RateLimitPartition.GetTokenBucketLimiter(client, perClient)
                    : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = WriteTooManyRequestsAsync;
        });
    }

    /// <summary>
    /// Auth:KeysFile, a JSON file with an "Auth" section of its own, watched: editing it rotates keys in every instance
    /// that reads it, without a restart (the environment of a running process cannot change).
    /// </summary>
    private static void AddKeysFile(ConfigurationManager configuration)
    {
        if (configuration[$"{ApiKeyOptions.Section}:{nameof(ApiKeyOptions.KeysFile)}"] is { Length: > 0 } path)
        {
            configuration.AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: true);
        }
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        context.RequestServices.GetRequiredService<AuthRejectionMetrics>().Record(
            context.User.Identity?.Name ?? ApiKeyAuthenticationHandler.UnknownClient, StatusCodes.Status429TooManyRequests);
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.WriteAsync(context, Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This API key is over its rate limit; retry after {retryAfter} s."));
    }
}
