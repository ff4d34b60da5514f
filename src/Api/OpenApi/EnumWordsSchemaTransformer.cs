using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NakamuraMisaki.Api.Json;

namespace NakamuraMisaki.Api.OpenApi;

/// <summary>
/// An enum's words in the document come from its table (<see cref="ApiEnumWords"/>, the same one that spells the JSON,
/// the database's words and check constraints), so the document, the SQL and the parser cannot disagree.
/// </summary>
internal sealed class EnumWordsSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>The words of a status a query parameter filters by (<c>?status=</c>), from the same table.</summary>
    public static IReadOnlyList<string>? For(Type enumType) => ApiEnumWords.ByType.GetValueOrDefault(enumType)?.All;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (For(type) is { } words)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = words.Select(w => (System.Text.Json.Nodes.JsonNode)w).ToList();
        }

        return Task.CompletedTask;
    }
}
