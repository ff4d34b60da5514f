using Microsoft.Extensions.Options;

namespace NakamuraMisaki.Infrastructure.Jobs;

internal sealed class SessionCleanupOptionsValidator : IValidateOptions<SessionCleanupOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionCleanupOptions options) =>
        options is { IntervalMinutes: >= 1, IdleHours: >= 1, InactiveDays: >= 1 }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Sessions:Cleanup needs IntervalMinutes, IdleHours and InactiveDays of at least 1.");
}
