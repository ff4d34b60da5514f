using System.Globalization;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.Notes;

/// <summary>
/// The old notes have no ids, so each gets a UUID version 5 (RFC 9562, name-based, SHA-1) of what makes it that note:
/// <c>user_id \n category \n created_at \n content</c>, with created_at in UTC as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>
/// (so "10:00:00" and "10:00:00+00:00" name the same note). Only the last part is free text, so the newline separators
/// cannot be confused with content. The same note always gets the same id: a second import adds nothing, and a note
/// that was edited in the old file becomes a new note rather than overwriting the imported one.
/// </summary>
public static class LegacyNoteIdentity
{
    /// <summary>Fixed forever: changing it would make every imported note look new. (Generated once, at random.)</summary>
    public static readonly Guid Namespace = new("5b0c3f6e-9d2a-4c47-8e1f-2a7d6b9c4e10");

    public static Guid Derive(string userId, string category, DateTimeOffset createdAt, string content) =>
        NameBasedUuid.Version5(Namespace, string.Join('\n',
            userId,
            category,
            createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            content));
}
