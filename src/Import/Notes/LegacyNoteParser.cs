using System.Text.Json;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.Notes;

/// <summary>
/// One element of a notes file. The category defaults to the file's name (the old bot wrote <c>{category}.json</c>);
/// the session comes from <c>metadata.session_id</c> when there is one. The rest of <c>metadata</c> has no column and
/// is not imported.
/// </summary>
public static class LegacyNoteParser
{
    private static readonly LegacyNoteValidator Validator = new();

    public static LegacyNote Parse(JsonElement value, string fileCategory)
    {
        var fields = new JsonFields(value);
        var userId = fields.RequiredString("user_id");
        var category = fields.OptionalString("category") ?? fileCategory;
        var content = fields.OptionalString("content") ?? throw new InvalidLegacyRecordException("'content' is missing");
        var createdAt = fields.RequiredTimestamp("timestamp");
        var sessionId = fields.OptionalObject("metadata")?.OptionalString("session_id");
        var note = new LegacyNote(
            LegacyNoteIdentity.Derive(userId, category, createdAt, content), userId, sessionId, category, content, createdAt);
        return Validator.ValidOrThrow(note);
    }
}
