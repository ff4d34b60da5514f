namespace NakamuraMisaki.Infrastructure.Idempotency;

/// <summary>Idempotency: how long a key answers with its stored response, and the job that deletes expired ones.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>Stripe's and the IETF draft's usual window: long enough for any client's retries, not forever.</summary>
    public int RetentionHours { get; set; } = 24;

    public bool CleanupEnabled { get; set; } = true;
    public int CleanupIntervalMinutes { get; set; } = 60;
}
