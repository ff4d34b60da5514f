using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Infrastructure.Embeddings;

internal static class EmbeddingServices
{
    /// <summary>
    /// The provider is an ordinary IEmbeddingGenerator singleton, so a host (or a test) can replace it; the
    /// application reaches it only through <see cref="ITextEmbedder"/>.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        services.AddSingleton(sp => EmbeddingGeneratorFactory.Create(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        services.AddSingleton<EmbeddingCircuitBreaker>();
        services.AddSingleton<ITextEmbedder, TextEmbedder>();
        return services;
    }
}
