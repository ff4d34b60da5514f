using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Configuration;

namespace NakamuraMisaki.Infrastructure.Audit;

/// <summary>The "Audit" section: how long events are kept, and the jobs that write refusals and delete old events.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    public int RetentionDays { get; set; } = Application.Audit.Commands.DeleteExpiredAuditEvents.DeleteExpiredAuditEvents.DefaultRetentionDays;

    public bool RetentionEnabled { get; set; } = true;

    public int RetentionIntervalMinutes { get; set; } = 60;

    /// <summary>Refused requests are counted in memory and written once a minute (per client and address).</summary>
    public bool RefusalsEnabled { get; set; } = true;
}

internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options) => new[]
    {
        options.RetentionDays is >= 1 and <= 36_500
            ? null : $"{AuditOptions.Section}:{nameof(options.RetentionDays)} must be between 1 and 36500.",
        options.RetentionIntervalMinutes >= 1
            ? null : $"{AuditOptions.Section}:{nameof(options.RetentionIntervalMinutes)} must be at least 1.",
    }.ToResult();
}
