using System.Text.Json;
using NakamuraMisaki.Import.Common;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Import.Sessions;

/// <summary>
/// One member of a sessions file: the key is the session id, the value its fields. What is missing is filled in the
/// way the old bot would have: user_id from the file name, last_active from created_at, title as the default
/// "Session MM/DD HH:MM", message_count 0, is_active true, options {}. What contradicts itself is refused.
/// </summary>
public sealed class LegacySessionParser(TimeZoneInfo titleZone)
{
    private static readonly LegacySessionValidator Validator = new();

    /// <param name="fileUserId">The id in the file's name <c>user_{id}_sessions.json</c>, if it has one.</param>
    public LegacySession Parse(string key, JsonElement value, string? fileUserId)
    {
        var fields = new JsonFields(value);
        var sessionId = fields.OptionalString("session_id") ?? key;
        if (sessionId != key)
        {
            throw new InvalidLegacyRecordException($"'session_id' \"{sessionId}\" differs from its key \"{key}\"");
        }

        var givenUserId = fields.OptionalString("user_id");
        var userId = givenUserId ?? fileUserId
            ?? throw new InvalidLegacyRecordException("'user_id' is missing and the file name names no user");
        if (fileUserId is not null && userId != fileUserId)
        {
            throw new InvalidLegacyRecordException($"'user_id' {userId} is not the file's user {fileUserId}");
        }

        var createdAt = fields.RequiredTimestamp("created_at");
        var lastActive = fields.OptionalTimestamp("last_active") ?? createdAt;
        var title = fields.OptionalString("title");
        var messageCount = fields.OptionalInteger("message_count") ?? 0;
        if (messageCount is < 0 or > int.MaxValue)
        {
            throw new InvalidLegacyRecordException($"'message_count' {messageCount} is not a count");
        }

        var session = new LegacySession(
            sessionId,
            userId,
            string.IsNullOrWhiteSpace(title) ? SessionTitle.Default(createdAt, titleZone) : title,
            fields.OptionalString("workspace_path"),
            (int)Math.Max(messageCount, fields.ArrayLength("message_history")),
            fields.OptionalBoolean("is_active") ?? true,
            fields.OptionalObject("claude_options")?.ToJson() ?? Session.EmptyOptions,
            createdAt,
            lastActive,
            UserIdFromFileName: givenUserId is null);
        return Validator.ValidOrThrow(session);
    }
}
