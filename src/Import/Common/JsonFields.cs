using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NakamuraMisaki.Import.Common;

/// <summary>
/// Typed reads of one JSON object of an old store. A key that is absent or null reads as "not given"; a value of the
/// wrong type is never coerced but refused with <see cref="InvalidLegacyRecordException"/> naming the key.
/// </summary>
public readonly struct JsonFields
{
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly JsonElement _object;

    public JsonFields(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidLegacyRecordException($"expected a JSON object, found {Describe(value.ValueKind)}");
        }

        _object = value;
    }

    public string? OptionalString(string key) => Get(key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        var v => throw WrongType(key, "a string", v.Value),
    };

    public string RequiredString(string key) =>
        OptionalString(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value : throw Missing(key);

    /// <summary>An ISO 8601 string or a number of Unix seconds: see <see cref="LegacyTimestamp"/>.</summary>
    public DateTimeOffset? OptionalTimestamp(string key)
    {
        if (Get(key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            throw WrongType(key, "a date and time", value);
        }

        try
        {
            return value.ValueKind == JsonValueKind.String
                ? LegacyTimestamp.Parse(value.GetString()!)
                : LegacyTimestamp.FromUnixSeconds(value.GetDouble());
        }
        catch (InvalidLegacyRecordException e)
        {
            throw new InvalidLegacyRecordException($"'{key}': {e.Message}");
        }
    }

    public DateTimeOffset RequiredTimestamp(string key) => OptionalTimestamp(key) ?? throw Missing(key);

    /// <summary>A whole number; 3.0 is accepted, 3.5 and "3" are not.</summary>
    public long? OptionalInteger(string key) => Get(key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.Number } v when v.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15 => (long)d,
        var v => throw WrongType(key, "a whole number", v.Value),
    };

    public bool? OptionalBoolean(string key) => Get(key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        var v => throw WrongType(key, "true or false", v.Value),
    };

    public JsonFields? OptionalObject(string key) => Get(key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } v => new JsonFields(v),
        var v => throw WrongType(key, "a JSON object", v.Value),
    };

    /// <summary>The number of elements of an array; absent or null is 0.</summary>
    public int ArrayLength(string key) => Get(key) switch
    {
        null => 0,
        { ValueKind: JsonValueKind.Array } v => v.GetArrayLength(),
        var v => throw WrongType(key, "a JSON array", v.Value),
    };

    /// <summary>The object as compact JSON text (for jsonb; PostgreSQL normalises it further).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
        {
            _object.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private JsonElement? Get(string key) =>
        _object.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static InvalidLegacyRecordException Missing(string key) => new($"'{key}' is missing or empty");

    private static InvalidLegacyRecordException WrongType(string key, string expected, JsonElement found)
    {
        var text = found.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? $" ({Shorten(found.GetRawText())})"
            : "";
        return new InvalidLegacyRecordException($"'{key}' must be {expected}, found {Describe(found.ValueKind)}{text}");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
