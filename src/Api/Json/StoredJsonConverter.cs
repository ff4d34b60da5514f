using System.Text.Json;
using System.Text.Json.Serialization;

namespace NakamuraMisaki.Api.Json;

/// <summary>
/// Every free-form JSON value a request carries (<see cref="JsonElement"/> properties: a session's options, and any
/// later jsonb field) is read through here, so a new jsonb field is guarded without doing anything. It refuses what
/// PostgreSQL's jsonb cannot hold (NUL, unpaired surrogates, in values and keys), what the API could not write back
/// (nesting deeper than <see cref="StoredJson.MaxDepth"/>), and duplicate keys (ambiguous, RFC 8259 §4).
/// </summary>
internal sealed class StoredJsonConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = JsonElement.ParseValue(ref reader);
        return StoredJson.FindProblem(value) is { } problem
            ? throw new InvalidJsonValueException(problem.Path, problem.Message)
            : value;
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) =>
        value.WriteTo(writer);
}
