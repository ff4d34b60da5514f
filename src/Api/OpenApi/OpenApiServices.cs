using NakamuraMisaki.Api.Concurrency;
using NakamuraMisaki.Api.Idempotency;
using NakamuraMisaki.Api.Json;
using NakamuraMisaki.Api.Security;

namespace NakamuraMisaki.Api.OpenApi;

/// <summary>The OpenAPI document (/openapi/v1.json) and every transformer that makes it tell the truth.</summary>
internal static class OpenApiServices
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddSingleton<ValidationRules>();
        services.AddOpenApi(options =>
        {
            options.AddApiKeySecurity();
            options.AddDocumentTransformer<DocumentTransformer>();
            options.AddOperationTransformer<ConcurrencyOpenApiTransformer>();
            options.AddOperationTransformer<MarkedHeader.Transformer>();
            options.AddOperationTransformer<QueryParameterTransformer>();
            options.AddOperationTransformer<ProblemResponsesTransformer>();
            options.AddOperationTransformer<OperationDescriptions>();
            options.DescribeJsonRules();
            options.AddSchemaTransformer<EnumWordsSchemaTransformer>();
            options.AddSchemaTransformer<RequestSchemaTransformer>();
            options.AddSchemaTransformer<Endpoints.ContextOpenApi>();
        });
        return services;
    }
}
