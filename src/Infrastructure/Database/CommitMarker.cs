namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// A row that a <see cref="VerifiedTransaction"/> attempt writes first, so that its commit can be asked about later
/// from another connection (table commit_markers). Only needed for the seconds a retry takes; the Idempotency-Key
/// clean-up pass deletes markers older than <see cref="Retention"/>.
/// </summary>
public sealed class CommitMarker
{
    public const string Table = "commit_markers";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    public required Guid Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Writes the marker unless it exists: 1 row when it was free, 0 when a committed attempt holds it.</summary>
    internal static FormattableString Write(Guid id) =>
        $"INSERT INTO commit_markers (id, created_at) VALUES ({id}, now()) ON CONFLICT (id) DO NOTHING";
}
