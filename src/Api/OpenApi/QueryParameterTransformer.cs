using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NakamuraMisaki.Api.OpenApi;

/// <summary>
/// Query parameters carry the limits of the query's validator. An endpoint is named after the request it sends
/// (<c>WithName(nameof(ListTasksByAssignee))</c>), which is how the validator is found; a parameter matches the rule
/// of the same name (<c>limit</c>) or of its C# property (<c>include_closed</c> → IncludeClosed).
/// </summary>
internal sealed class QueryParameterTransformer(ValidationRules rules) : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, Type> RequestsByName = typeof(Application.DependencyInjection).Assembly
        .GetTypes().Where(t => typeof(Mediator.IMessage).IsAssignableFrom(t) && !t.IsAbstract)
        .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } name || !RequestsByName.TryGetValue(name, out var request))
        {
            return Task.CompletedTask;
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is not OpenApiParameter { In: ParameterLocation.Query, Schema: OpenApiSchema schema } query)
            {
                continue;
            }

            var memberRules = rules.For(request, query.Name!);
            if (memberRules.Count == 0)
            {
                memberRules = rules.For(request, Pascal(query.Name!));
            }

            if (IsRepeatable(context, query.Name!) && schema.Items is null)
            {
                // ?status=a&status=b: an array of words, each one described below.
                schema.Type = JsonSchemaType.Array;
                schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
            }

            var value = schema.Items as OpenApiSchema ?? schema;
            ValidationRules.Describe(value, memberRules);
            if (query.Name == "status" && ListedStatus(context) is { } words)
            {
                value.Type = JsonSchemaType.String;
                value.Enum = words.Select(w => (System.Text.Json.Nodes.JsonNode)w).ToList();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The words of the <c>status</c> of the items the operation lists (a Page&lt;T&gt; or a list of T).</summary>
    private static IReadOnlyList<string>? ListedStatus(OpenApiOperationTransformerContext context)
    {
        var listed = context.Description.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == 200)?.Type;
        var item = listed is { IsGenericType: true } ? listed.GetGenericArguments()[0] : null;
        return item?.GetProperty("Status")?.PropertyType is { } status ? EnumWordsSchemaTransformer.For(status) : null;
    }

    private static bool IsRepeatable(OpenApiOperationTransformerContext context, string name) =>
        context.Description.ParameterDescriptions.FirstOrDefault(p => p.Name == name)?.Type is { IsArray: true };

    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_').Select(word => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..]));
}
