namespace NakamuraMisaki.Infrastructure.Idempotency;

/// <summary>
/// A claimed Idempotency-Key and the response it answered (table idempotency_keys). Written and read with SQL by
/// <see cref="IdempotencyStore"/>; mapped so that the migration creates the table and its index.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 255;

    public required string Client { get; init; }
    public required string ActingUser { get; init; }
    public required string Key { get; init; }
    public required byte[] RequestHash { get; init; }

    /// <summary>Null only inside the claiming transaction: no other transaction ever sees it null.</summary>
    public int? StatusCode { get; init; }
    public string? ContentType { get; init; }
    public string? Location { get; init; }
    public string? ETag { get; init; }
    public byte[]? Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}
