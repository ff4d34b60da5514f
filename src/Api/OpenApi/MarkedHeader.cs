using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NakamuraMisaki.Api.OpenApi;

/// <summary>
/// A request header that some operations take, as endpoint metadata: the endpoints that carry it are marked, and
/// <see cref="Transformer"/> documents it on exactly those operations, with its one description. Whoever acts on the
/// header (a middleware, a validator) looks for the same instance.
/// </summary>
internal sealed record MarkedHeader(string Name, bool Required, string Description, int MinLength, int MaxLength, string? Pattern = null)
{
    public bool Marks(Endpoint endpoint) => endpoint.Metadata.GetOrderedMetadata<MarkedHeader>().Contains(this);

    /// <summary>Adds each marked header as a string parameter of its operation.</summary>
    internal sealed class Transformer : IOpenApiOperationTransformer
    {
        public Task TransformAsync(
            OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            foreach (var header in context.Description.ActionDescriptor.EndpointMetadata.OfType<MarkedHeader>().Distinct())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = header.Name,
                    In = ParameterLocation.Header,
                    Required = header.Required,
                    Description = header.Description,
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        MinLength = header.MinLength,
                        MaxLength = header.MaxLength,
                        Pattern = header.Pattern,
                    },
                });
            }

            return Task.CompletedTask;
        }
    }
}
