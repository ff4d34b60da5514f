using Microsoft.Extensions.AI;

namespace NakamuraMisaki.Infrastructure.Embeddings;

/// <summary>IEmbeddingGenerator.GetService for our in-process generators: their metadata, or themselves.</summary>
internal static class GeneratorServices
{
    public static object? Resolve(object generator, EmbeddingGeneratorMetadata metadata, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(generator) ? generator
            : null;
    }
}
