using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.Infrastructure.Jobs;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.Infrastructure.Persistence.Repositories;

namespace NakamuraMisaki.Infrastructure;

internal static class NoteServices
{
    /// <summary>Notes storage, the embedding provider, and the backfill job (which reads its Enabled flag at start).</summary>
    public static IServiceCollection AddNotes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<INoteRepository, NoteRepository>();
        services.AddScoped<INoteReader, NoteReader>();
        services.AddSingleton<PgvectorFeatures>();
        services.AddEmbeddings(configuration);
        services.AddHostedService<NoteEmbeddingBackfillJob>();
        return services;
    }
}
