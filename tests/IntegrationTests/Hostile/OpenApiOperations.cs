using System.Text.Json;

namespace NakamuraMisaki.IntegrationTests.Hostile;

/// <summary>The API's operations as its own OpenAPI document describes them, so new endpoints are covered by default.</summary>
internal sealed record OpenApiOperation(
    string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, JsonElement? BodySchema)
{
    public static IReadOnlyList<OpenApiOperation> ReadAll(JsonElement document)
    {
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new OpenApiParameter(
                        p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("required", out var r) && r.GetBoolean(),
                        p.TryGetProperty("schema", out var s) ? Resolve(document, s) : default)).ToArray()
                    : [];
                JsonElement? body = op.Value.TryGetProperty("requestBody", out var rb)
                    && rb.GetProperty("content").TryGetProperty("application/json", out var json)
                    ? Resolve(document, json.GetProperty("schema"))
                    : null;
                operations.Add(new OpenApiOperation(op.Name.ToUpperInvariant(), path.Name, parameters, body));
            }
        }

        return operations;
    }

    /// <summary>
    /// Body properties that take any JSON value, stored as jsonb: their schema is (or is one of null and) a reference
    /// to the JSON DOM types (JsonElement, JsonNode...).
    /// </summary>
    public IEnumerable<string> FreeFormJsonFields(JsonElement document) =>
        BodySchema is { } body && body.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Where(p => References(p.Value).Any(IsJsonDom)).Select(p => p.Name)
            : [];

    private static bool IsJsonDom(string reference) =>
        reference.Split('/').Last() is "JsonElement" or "JsonNode" or "JsonObject" or "JsonDocument";

    private static IEnumerable<string> References(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object ? []
        : schema.TryGetProperty("$ref", out var reference) ? [reference.GetString()!]
        : new[] { "oneOf", "anyOf" }.SelectMany(k => schema.TryGetProperty(k, out var options) ? options.EnumerateArray().SelectMany(References) : []);

    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/').Last();
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }
}

internal sealed record OpenApiParameter(string Name, string In, bool Required, JsonElement Schema);
