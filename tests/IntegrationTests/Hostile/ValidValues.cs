using System.Text.Json;
using System.Text.Json.Nodes;

namespace NakamuraMisaki.IntegrationTests.Hostile;

/// <summary>
/// Plausible values for parameters and properties, from their names and schemas, so each hostile case changes one
/// thing in an otherwise valid request and reaches deep into the handler.
/// </summary>
internal static class ValidValues
{
    public const string ActingUser = "U0ALICE01";

    public static string ForParameter(string name, JsonElement schema) => name switch
    {
        _ when name.EndsWith("user", StringComparison.Ordinal) || name.EndsWith("user_id", StringComparison.Ordinal)
            || name is "assignee" or "recipient" or "sender" or "owner_user" => ActingUser,
        "tz" => "Asia%2FTokyo",
        "q" or "query" => "%E8%B3%87%E6%96%99",
        "limit" => "10",
        "offset" => "0",
        "days" or "hours" => "3",
        _ => Scalar(schema) switch
        {
            "integer" or "number" => "1",
            "boolean" => "false",
            _ => Format(schema) == "uuid" ? Guid.NewGuid().ToString() : "x",
        },
    };

    public static JsonObject Body(JsonElement document, JsonElement schema)
    {
        var body = new JsonObject();
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return body;
        }

        foreach (var property in properties.EnumerateObject())
        {
            body[property.Name] = ForProperty(property.Name, OpenApiOperation.Resolve(document, property.Value));
        }

        return body;
    }

    private static JsonNode? ForProperty(string name, JsonElement schema)
    {
        if (name.EndsWith("user_id", StringComparison.Ordinal) || name is "user" or "to" or "from")
        {
            return name.StartsWith("to", StringComparison.Ordinal) || name.StartsWith("assignee", StringComparison.Ordinal)
                ? "U0BOB0002"
                : ActingUser;
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return JsonNode.Parse(values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).GetRawText());
        }

        return (Scalar(schema), Format(schema)) switch
        {
            ("string", "date-time") => DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
            ("string", "uuid") => Guid.NewGuid().ToString(),
            ("string", _) => "テスト " + name,
            ("integer", _) or ("number", _) => 1,
            ("boolean", _) => false,
            ("array", _) => new JsonArray(),
            ("object", _) => new JsonObject(),
            _ => null,
        };
    }

    private static string? Scalar(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    private static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
}
