using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.Notes;

/// <summary>A note of <c>.nakamura_notes/{category}.json</c>, as it will be stored in <c>notes</c> (without its embedding).</summary>
/// <param name="Id">Derived from the note itself: see <see cref="LegacyNoteIdentity"/>.</param>
public sealed record LegacyNote(
    Guid Id, string UserId, string? SessionId, string Category, string Content, DateTimeOffset CreatedAt) : ILegacyRecord
{
    public string Key => Id.ToString();
}
