using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Api.OpenApi;

/// <summary>
/// An enum's words in the document come from its table (the <c>ToName</c> switch that also spells the database's
/// words and check constraints), so the document, the SQL and the parser cannot disagree. The contract tests hold
/// the JSON the server writes to these words.
/// </summary>
internal sealed class EnumWordsSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, IReadOnlyList<string>> Words = new()
    {
        [typeof(TaskItemStatus)] = TaskItemStatusNames.All,
        [typeof(AgentTaskStatus)] = EnumNames.All<AgentTaskStatus>(AgentTaskNames.ToName),
        [typeof(AgentTaskSource)] = EnumNames.All<AgentTaskSource>(AgentTaskNames.ToName),
        [typeof(AgentTaskType)] = EnumNames.All<AgentTaskType>(AgentTaskNames.ToName),
    };

    /// <summary>The words of a status a query parameter filters by (<c>?status=</c>), from the same table.</summary>
    public static IReadOnlyList<string>? For(Type enumType) => Words.GetValueOrDefault(enumType);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (Words.TryGetValue(type, out var words))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = words.Select(w => (System.Text.Json.Nodes.JsonNode)w).ToList();
        }
        else if (type.IsEnum && schema.Enum is { Count: > 0 })
        {
            // Written by JsonStringEnumConverter: the words are strings, which the generator leaves unsaid.
            schema.Type = JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }
}
