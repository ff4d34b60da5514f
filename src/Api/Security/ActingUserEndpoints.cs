using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Marks the endpoints that act for a Slack user, so the OpenAPI document shows their <see cref="CurrentUser.Header"/>
/// header. The check itself is the validation step's (every IActingUserRequest); the isolation tests hold the two to
/// the same endpoints.
/// </summary>
internal static class ActingUserEndpoints
{
    private sealed record ActsForUserMarker;

    private static readonly ActsForUserMarker Marker = new();

    public static TBuilder ActsForUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Marker);

    /// <summary>Documents the header as a required string on every marked operation.</summary>
    internal sealed class OpenApiTransformer : IOpenApiOperationTransformer
    {
        public Task TransformAsync(
            OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ActsForUserMarker>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = CurrentUser.Header,
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "Slack user id of the user the request acts for (e.g. U0123ABCD); missing or malformed answers 400.",
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        MinLength = 1,
                        MaxLength = SlackUserIdRules.MaxLength,
                        Pattern = SlackUserIdRules.PatternText,
                    },
                });
            }

            return Task.CompletedTask;
        }
    }
}
