using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Configuration;

namespace NakamuraMisaki.Infrastructure.Jobs;

internal sealed class SessionCleanupOptionsValidator : IValidateOptions<SessionCleanupOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionCleanupOptions options) => new[]
    {
        AtLeastOne(options.IntervalMinutes, nameof(options.IntervalMinutes)),
        AtLeastOne(options.IdleHours, nameof(options.IdleHours)),
        AtLeastOne(options.InactiveDays, nameof(options.InactiveDays)),
    }.ToResult();

    private static string? AtLeastOne(int value, string setting) =>
        value >= 1 ? null : $"{SessionCleanupOptions.Section}:{setting} must be at least 1.";
}
