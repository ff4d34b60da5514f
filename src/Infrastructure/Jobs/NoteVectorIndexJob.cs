using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Notes.Commands.EnsureNoteVectorIndex;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Embeddings;

namespace NakamuraMisaki.Infrastructure.Jobs;

/// <summary>
/// Makes sure the configured model's HNSW index exists: at start-up (a newly configured model gets its index without
/// a migration) and every Embeddings:Index:IntervalSeconds after (a pass that finds the index costs one catalog read;
/// it also retries while the database or the provider is not up yet).
/// </summary>
internal sealed class NoteVectorIndexJob(
    IServiceScopeFactory scopes, DatabaseSchemaReadiness schema, IOptions<EmbeddingOptions> options,
    ILogger<NoteVectorIndexJob> logger)
    : PeriodicJob(scopes, schema, logger)
{
    protected override string Name => "Note vector index";
    protected override bool Enabled => options.Value.Index.Enabled;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.Index.IntervalSeconds);

    protected override async Task RunPassAsync(ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new EnsureNoteVectorIndex(), cancellationToken);
        if (result.Dimensions is null)
        {
            logger.LogInformation("{Model} did not answer; its index is checked again on the next pass", result.Model);
        }
        else if (!result.Indexable)
        {
            logger.LogWarning("{Model} answers {Dimensions} dimensions, beyond an HNSW index: set Embeddings:Dimensions",
                result.Model, result.Dimensions);
        }
    }
}
