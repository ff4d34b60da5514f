using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NakamuraMisaki.Api.OpenApi;

/// <summary>
/// The document as a whole: its title, tag descriptions, no host-bound server (clients bring their own base URL), the
/// problem-details schemas open to the members the server adds (trace_id, errors), and no internal types.
/// </summary>
internal sealed class DocumentTransformer(ValidationRules rules) : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Tasks"] = "The team's tasks: created by the acting user for an assignee, visible to both; pending → in_progress → completed or cancelled.",
        ["Hand-offs"] = "Work handed from the acting user to a colleague, with progress and next steps; the recipient accepts, either side completes. A reminder DMs the recipient.",
        ["Notes"] = "The acting user's notes, searchable by meaning (pgvector) and by words.",
        ["Sessions"] = "The acting user's conversation sessions with the assistant; idle ones expire, inactive ones are deleted by maintenance calls.",
        ["Session messages"] = "A session's conversation history: appended in order (seq), read by cursor or last N, trimmed, searched; owner only.",
        ["Context"] = "What a bot's model should know before a reply, in one call: recent messages, matching notes and conversations, due tasks and waiting hand-offs, cut to a token budget.",
        ["Audit"] = "Who changed what: every delete, maintenance pass, restore, import, export and backup, and refused requests. Written in the change's own transaction; read with the maintenance scope.",
        ["Agent tasks"] = "The coding agent's runs (formerly its SQLite tasks.db): registered, counted, ended. Not owned by a Slack user.",
    };

    /// <summary>Types that only carry a header's parsing and must not show as schemas.</summary>
    private static readonly string[] Internal = ["IfMatch", "NullableOfIfMatch"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "NakamuraMisaki API";
        document.Info.Description = "Tasks, hand-offs, notes, sessions and coding-agent runs for the Slack assistant. " +
                                    "Every /api operation needs `Authorization: Bearer <API key>`; errors are RFC 9457 problem details.";
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document." }];
        document.Info.Contact = new OpenApiContact { Name = "NakamuraMisaki maintainers" };
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag is OpenApiTag { Name: { } name } described)
            {
                described.Description ??= Tags.GetValueOrDefault(name);
            }
        }

        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return Task.CompletedTask;
        }

        foreach (var name in Internal)
        {
            schemas.Remove(name);
        }

        foreach (var (name, schema) in schemas)
        {
            foreach (var (property, value) in (schema as OpenApiSchema)?.Properties?.ToList() ?? [])
            {
                if (rules.NonNullableReferences.ContainsKey($"{name}/{property}") && value is OpenApiSchema { OneOf.Count: 2 } either
                    && either.OneOf.FirstOrDefault(o => o is not OpenApiSchema { Type: JsonSchemaType.Null }) is { } reference)
                {
                    ((OpenApiSchema)schema).Properties![property] = reference;
                }
            }
        }

        foreach (var name in new[] { ProblemResponsesTransformer.ProblemSchema, ProblemResponsesTransformer.ValidationProblemSchema })
        {
            if (schemas.TryGetValue(name, out var found) && found is OpenApiSchema problem)
            {
                OpenToExtensions(problem);
            }
        }

        return Task.CompletedTask;
    }

    private static void OpenToExtensions(OpenApiSchema problem)
    {
        // Members left null are not written (type, instance), so only these two are always there.
        problem.Required = new HashSet<string> { "status", "title" };
        problem.AdditionalPropertiesAllowed = true;
        problem.AdditionalProperties = null;
        problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
        problem.Properties["trace_id"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request's trace id: quote it when reporting a problem.",
        };
        if (problem.Properties.TryGetValue("errors", out var listed) && listed is OpenApiSchema errors)
        {
            errors.Type = JsonSchemaType.Object;
            errors.AdditionalProperties = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

    }
}
