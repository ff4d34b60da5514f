using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.Notes;

/// <summary>
/// Something the assistant wrote down for a user. Notes are immutable once saved: the old bot only ever appended.
/// The note's embedding is not part of the entity: it is a search artefact that can be missing (the embedding
/// service was down) or stale (another model), and is stored beside the note by the persistence layer.
/// </summary>
public sealed class Note
{
    public const string DefaultCategory = "general";
    public const int CategoryMaxLength = 64;
    public const int SessionIdMaxLength = 128;
    public const int ContentMaxLength = 50_000;

    private Note()
    {
        UserId = Category = Content = string.Empty;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; }
    public string? SessionId { get; private set; }
    public string Category { get; private set; }
    public string Content { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Note Create(string userId, string? sessionId, string? category, string content, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(content) || content.Length > ContentMaxLength)
        {
            throw new ArgumentException($"A note has 1 to {ContentMaxLength} characters of content.", nameof(content));
        }

        var created = Timestamps.Normalize(now);
        return new Note
        {
            // Version 7: ids sort by creation time, so keyset passes over notes (backfill, re-embed) go oldest first.
            Id = Guid.CreateVersion7(created),
            UserId = userId,
            SessionId = sessionId,
            Category = string.IsNullOrEmpty(category) ? DefaultCategory : category,
            Content = content,
            CreatedAt = created,
        };
    }
}
