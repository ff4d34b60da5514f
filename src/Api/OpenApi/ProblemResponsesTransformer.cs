using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace NakamuraMisaki.Api.OpenApi;

/// <summary>
/// The answers every /api operation can give besides its own: 401 (no key), 403 (a scope missing), 429 and 503 (with Retry-After), 413 and
/// 415 where a body is read; each an application/problem+json body. 201s carry Location.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";

    private static readonly (int Status, string Description, bool RetryAfter, bool BodyOnly)[] Shared =
    [
        (400, "A field, parameter or header is invalid; `errors` names each one (a JSON path, a parameter or a header name).", false, false),
        (401, "Missing or unknown API key (`Authorization: Bearer <key>`).", false, false),
        (403, "The API key lacks a scope this operation requires (see its security requirement); `missing_scopes` names them. Nothing was changed.", false, false),
        (413, "The request body is larger than the configured limit (1 MiB by default).", false, true),
        (415, "The body is not JSON in a charset the server can decode.", false, true),
        (429, "This API key is over its rate limit; retry after `Retry-After` seconds.", true, false),
        (503, "The database is unreachable; nothing was changed. Retry after `Retry-After` seconds.", true, false),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= new OpenApiResponses();
        var hasBody = operation.RequestBody is not null;
        foreach (var (status, description, retryAfter, bodyOnly) in Shared)
        {
            if (bodyOnly && !hasBody)
            {
                continue;
            }

            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var schema = status == 400 ? ValidationProblemSchema : ProblemSchema;
            operation.Responses[key] = Problem(context, schema, description, retryAfter);
        }

        foreach (var (key, response) in operation.Responses)
        {
            if (response is OpenApiResponse { Description: null or "" } problem && int.TryParse(key, out var status))
            {
                problem.Description = ReasonPhrases.GetReasonPhrase(status);
            }
        }

        if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse createdResponse)
        {
            createdResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
            createdResponse.Headers["Location"] = new OpenApiHeader
            {
                Description = "The path of the created resource.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(OpenApiOperationTransformerContext context, string schema, string description, bool retryAfter)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
        if (retryAfter)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                },
            };
        }

        return response;
    }
}
