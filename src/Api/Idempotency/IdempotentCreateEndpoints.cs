using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NakamuraMisaki.Api.Idempotency;

/// <summary>
/// Marks the create endpoints that honour <see cref="IdempotencyKeyHeader.Name"/>: <see cref="IdempotencyMiddleware"/>
/// acts on the marked ones only, and the OpenAPI document shows the header on exactly those.
/// </summary>
internal static class IdempotentCreateEndpoints
{
    internal sealed record Marker;

    private static readonly Marker Instance = new();

    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(Instance).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static bool AcceptsIdempotencyKey(this Endpoint endpoint) => endpoint.Metadata.GetMetadata<Marker>() is not null;

    /// <summary>Documents the header as an optional string on every marked operation.</summary>
    internal sealed class OpenApiTransformer : IOpenApiOperationTransformer
    {
        public Task TransformAsync(
            OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Marker>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyKeyHeader.Name,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = IdempotencyKeyHeader.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeyHeader.MaxLength },
                });
            }

            return Task.CompletedTask;
        }
    }
}
