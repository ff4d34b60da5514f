using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NakamuraMisaki.Api.Json;

/// <summary>
/// What the document cannot infer from the converters: every free-form JSON field (JsonElement, nullable or not) is
/// described once, as an object carrying the stored-JSON rules,
/// and strings and lists of strings (read through <see cref="StorableStringConverter"/>, which hides their type from the generator) are
/// described as strings again.
/// </summary>
internal static class JsonOpenApiSchemas
{
    public static void DescribeJsonRules(this OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(JsonElement))
        {
            // Every free-form field is a JSON object (JsonObjectRules): a session's options, a message's metadata.
            schema.Type = type == typeof(JsonElement) ? JsonSchemaType.Object : JsonSchemaType.Object | JsonSchemaType.Null;
            schema.AdditionalProperties = new OpenApiSchema(); // any key, any value: generated clients type it so
            schema.Description = $"A JSON object, stored as given (jsonb): at most {StoredJson.MaxDepth} levels of nesting, " +
                                 "each key once per object, no NUL (U+0000) or unpaired surrogate in any string or key.";
        }
        else if (type == typeof(string) && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String;
        }
        else if (schema.Items is null && type.IsAssignableTo(typeof(IEnumerable<string>)))
        {
            // A list of strings loses its items the same way (e.g. a search hit's matched_by).
            schema.Type = JsonSchemaType.Array;
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        return Task.CompletedTask;
    });
}
