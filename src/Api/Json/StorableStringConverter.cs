using System.Text.Json;
using System.Text.Json.Serialization;

namespace NakamuraMisaki.Api.Json;

/// <summary>
/// Every JSON string the API reads must be storable as PostgreSQL text: no NUL character (text cannot hold one) and no
/// unpaired surrogate (not encodable as UTF-8). Anything else, control characters included, is kept byte for byte.
/// Throwing JsonException makes the problem a 400 that names the field (its JSON path).
/// </summary>
internal sealed class StorableStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString()!;
        return StorableText.Problem(value) is { } problem ? throw new InvalidJsonValueException("", problem) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}

internal static class StorableText
{
    public const string UnpairedSurrogate = "The text holds an unpaired UTF-16 surrogate, which is not valid Unicode.";

    /// <returns>Why the text cannot be stored, or null when it can.</returns>
    public static string? Problem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return "NUL characters (U+0000) cannot be stored.";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return UnpairedSurrogate;
            }
        }

        return null;
    }
}
