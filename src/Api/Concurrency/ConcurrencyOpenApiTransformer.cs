using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Api.Concurrency;

/// <summary>
/// Writes the concurrency contract into the OpenAPI document: an ETag response header on each success response whose
/// body is a versioned resource (exactly where <see cref="ETagFilter"/> sets it), and what If-Match accepts.
/// </summary>
internal sealed class ConcurrencyOpenApiTransformer : IOpenApiOperationTransformer
{
    private const string ETagDescription =
        "The resource's version, a strong entity tag such as \"1234\". Send it back unchanged in If-Match to update " +
        "only if nobody changed the resource since.";

    private const string IfMatchDescription =
        "Optional. Only change the resource if it is still at this version: " + IfMatch.Accepted + ". " +
        "A stale tag answers 412 and changes nothing; a malformed one answers 400. Without it the last writer wins.";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var responseType in context.Description.SupportedResponseTypes)
        {
            if (responseType.StatusCode is >= 200 and < 300
                && typeof(IVersioned).IsAssignableFrom(responseType.Type)
                && operation.Responses?.GetValueOrDefault(responseType.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["ETag"] = new OpenApiHeader
                {
                    Description = ETagDescription,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Header } header
                && string.Equals(header.Name, IfMatch.HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                header.Description = IfMatchDescription;
                header.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
            }
        }

        return Task.CompletedTask;
    }
}
