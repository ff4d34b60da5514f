using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Configuration;

namespace NakamuraMisaki.Api.Security;

internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options) => new[]
    {
        options.PermitsPerSecond >= 1 ? null : "RateLimiting:PermitsPerSecond must be at least 1.",
        options.Burst >= 0 ? null : "RateLimiting:Burst must not be negative.",
        // The token bucket holds PermitsPerSecond + Burst tokens, an int.
        (long)options.PermitsPerSecond + options.Burst <= int.MaxValue
            ? null : $"RateLimiting:PermitsPerSecond + RateLimiting:Burst must not exceed {int.MaxValue}.",
    }.ToResult();
}
