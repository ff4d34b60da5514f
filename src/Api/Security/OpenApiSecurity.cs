using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Declares the bearer API-key scheme in the OpenAPI document; every /api operation requires it with the scopes its
/// <see cref="ScopeRequirement"/>s ask of its method (OpenAPI 3.1 lets a non-OAuth requirement list role names), and
/// documents the 403 of a key without them. The anonymous endpoints are listed under <see cref="AnonymousExtension"/>.
/// </summary>
internal static class OpenApiSecurity
{
    public const string SchemeId = "ApiKey";

    /// <summary>Document-level list of the operations that need no key: health probes, metrics, this document.</summary>
    public const string AnonymousExtension = "x-anonymous-operations";

    /// <summary>Anonymous by design (<c>AllowAnonymous</c>) and outside the API description: probes and scrapers send no key.</summary>
    public static readonly string[] AnonymousOperations =
        ["GET /health/live", "GET /health/ready", "GET /metrics", "GET /openapi/v1.json"];

    public static OpenApiOptions AddApiKeySecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key: `Authorization: Bearer <key>`. Keys are configured as SHA-256 hashes " +
                              "(Auth__ApiKeys__N__Sha256), each with the scopes it may use (Auth__ApiKeys__N__Scopes: " +
                              string.Join(", ", ApiScopeNames.All.Select(s => $"`{s}`")) + "). Each operation's " +
                              "security requirement lists the scopes it needs; a key without one of them gets 403.",
            };
            document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            document.Extensions[AnonymousExtension] = new JsonNodeExtension(
                new JsonArray(AnonymousOperations.Select(o => (JsonNode)JsonValue.Create(o)).ToArray()));
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
            {
                return Task.CompletedTask;
            }

            var method = context.Description.HttpMethod ?? HttpMethods.Get;
            var scopes = context.Description.ActionDescriptor.EndpointMetadata.OfType<ScopeRequirement>()
                .Aggregate(ApiScopes.None, (all, r) => all | r.For(method));
            operation.Security =
            [
                new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [.. ApiScopeNames.Of(scopes)],
                },
            ];
            return Task.CompletedTask;
        });
        return options;
    }
}
