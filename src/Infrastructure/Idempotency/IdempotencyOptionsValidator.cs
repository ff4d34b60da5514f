using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Configuration;

namespace NakamuraMisaki.Infrastructure.Idempotency;

internal sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options) => new[]
    {
        options.RetentionHours is >= 1 and <= 24 * 365
            ? null : $"{IdempotencyOptions.Section}:{nameof(options.RetentionHours)} must be between 1 and 8760.",
        options.CleanupIntervalMinutes >= 1
            ? null : $"{IdempotencyOptions.Section}:{nameof(options.CleanupIntervalMinutes)} must be at least 1.",
    }.ToResult();
}
