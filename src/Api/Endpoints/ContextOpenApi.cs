using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NakamuraMisaki.Application.Context;
using NakamuraMisaki.Application.Context.Queries.GetContext;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>
/// What the context validator accepts as words (<c>tokenizer</c>, <c>include</c>), from the lists it checks against,
/// and an example of the operation (docs/context.md has one produced by the running service).
/// </summary>
internal sealed class ContextOpenApi : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(ContextLimits) && schema.Properties is { Count: > 0 })
        {
            // Met first as a property of the body, where RequestSchemaTransformer does not read a nested validator.
            foreach (var limit in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
            {
                limit.Minimum = "1";
                limit.Maximum = ContextLimits.Max.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        }

        if (context.JsonPropertyInfo?.DeclaringType != typeof(GetContextBody))
        {
            return Task.CompletedTask;
        }

        switch (context.JsonPropertyInfo.Name)
        {
            case "tokenizer":
                schema.Enum = [.. ContextTokenizers.Names.Select(n => (JsonNode)JsonValue.Create(n))];
                schema.Default = JsonValue.Create(ContextTokenizers.Default);
                break;
            case "include" when schema.Items is OpenApiSchema items:
                items.Enum = [.. ContextItemKinds.Words.All.Select(k => (JsonNode)JsonValue.Create(k))];
                schema.MinItems = 1;
                break;
        }

        return Task.CompletedTask;
    }

    public static Task AddExamples(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true)
        {
            request.Example = new JsonObject
            {
                ["query"] = "本番DBの移行手順は?",
                ["session_id"] = "s-2026-06-15",
                ["budget_tokens"] = 4000,
            };
        }

        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var answer) == true)
        {
            answer.Example = new JsonObject
            {
                ["items"] = new JsonArray(
                    Item("message", "s-2026-06-15/12", "sessions/s-2026-06-15/messages/12", "user: 本番DBの移行手順は?", 9, 1.0, "recent", null),
                    Item("task", "0197a1c2-5b3e-7c40-9a1e-2f4b6c8d0e12", "tasks/0197a1c2-5b3e-7c40-9a1e-2f4b6c8d0e12",
                        "Task (overdue, due 2026-06-14 18:00): 移行リハーサル", 17, 0.71, "overdue", null),
                    Item("note", "0197a1c2-6d4f-7a21-8b3c-1d2e3f405162", "notes/0197a1c2-6d4f-7a21-8b3c-1d2e3f405162",
                        "Note (decisions, 2026-06-10 15:20): 本番DB移行は pg_dump ではなく論理レプリケーションで行う", 31, 1.0, "matched", ["vector", "text"])),
                ["used_tokens"] = 57,
                ["budget_tokens"] = 4000,
                ["truncated"] = false,
                ["tokenizer"] = ContextTokenizers.Default,
            };
        }

        return Task.CompletedTask;
    }

    private static JsonObject Item(
        string kind, string id, string source, string text, int tokens, double score, string reason, string[]? matchedBy) => new()
    {
        ["kind"] = kind,
        ["id"] = id,
        ["source"] = source,
        ["text"] = text,
        ["tokens"] = tokens,
        ["score"] = score,
        ["reasons"] = new JsonArray(JsonValue.Create(reason)),
        ["matched_by"] = new JsonArray([.. (matchedBy ?? []).Select(m => (JsonNode)JsonValue.Create(m))]),
        ["at"] = "2026-06-15T09:30:00+00:00",
        ["truncated"] = false,
    };
}
