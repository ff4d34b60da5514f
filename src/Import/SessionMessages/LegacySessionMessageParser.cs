using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.SessionMessages;

/// <summary>
/// One element of <c>message_history</c>: <c>role</c> and <c>content</c> required, <c>timestamp</c> (or
/// <c>created_at</c>) and <c>slack_ts</c> optional, every other key kept in metadata. The rules are the API's: what
/// the append endpoint would refuse is refused here, with the reason, and nothing is left for the database to refuse.
/// </summary>
public static class LegacySessionMessageParser
{
    private static readonly string[] TimestampKeys = ["timestamp", "created_at"];
    private static readonly HashSet<string> Known = ["role", "content", "slack_ts", .. TimestampKeys];
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="createdAtWhenMissing">The previous message's time, or the session's creation for the first.</param>
    public static LegacySessionMessage Parse(
        JsonElement value, string sessionId, string userId, int ordinal, DateTimeOffset createdAtWhenMissing)
    {
        try
        {
            var fields = new JsonFields(value);
            var roleName = fields.RequiredString("role");
            if (!MessageRoleNames.Words.TryParse(roleName, out var role))
            {
                throw new InvalidLegacyRecordException(
                    $"'role' \"{roleName}\" is not {MessageRoleNames.Words.Listed()}");
            }

            var content = fields.RequiredString("content");
            if (content.Length > SessionMessage.ContentMaxLength)
            {
                throw new InvalidLegacyRecordException(
                    $"'content' has {content.Length:N0} characters; at most {SessionMessage.ContentMaxLength:N0} are stored");
            }

            var slackTs = fields.OptionalString("slack_ts");
            if (slackTs is not null && !SessionMessage.IsSlackTs(slackTs))
            {
                throw new InvalidLegacyRecordException($"'slack_ts' \"{slackTs}\" is not a Slack message timestamp");
            }

            var createdAt = TimestampKeys.Select(fields.OptionalTimestamp).FirstOrDefault(t => t is not null)
                            ?? createdAtWhenMissing;
            return new LegacySessionMessage(
                sessionId, userId, ordinal, role, Storable(content, "content"), slackTs, Metadata(value), createdAt);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to read a string holding an unpaired surrogate escape (\ud800).
            throw new InvalidLegacyRecordException("a string holds an unpaired UTF-16 surrogate, which is not valid Unicode");
        }
    }

    /// <summary>The keys the message table has no column for, as one JSON object (jsonb), checked to be storable.</summary>
    private static string Metadata(JsonElement message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            foreach (var property in message.EnumerateObject().Where(p => !Known.Contains(p.Name)))
            {
                CheckStorable(property.Value, property.Name);
                Storable(property.Name, "metadata key");
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>jsonb, like text, holds no NUL character; an unpaired surrogate already failed to read.</summary>
    private static void CheckStorable(JsonElement value, string key)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                Storable(value.GetString()!, $"'{key}'");
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Storable(property.Name, $"a key inside '{key}'");
                    CheckStorable(property.Value, key);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    CheckStorable(item, key);
                }

                break;
        }
    }

    private static string Storable(string text, string what) =>
        text.Contains('\0', StringComparison.Ordinal)
            ? throw new InvalidLegacyRecordException($"{what} holds a NUL character (U+0000), which PostgreSQL cannot store")
            : text;
}
