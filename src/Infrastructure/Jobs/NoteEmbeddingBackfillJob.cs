using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Application.Notes.Commands.BackfillNoteEmbeddings;
using NakamuraMisaki.Infrastructure.Embeddings;

namespace NakamuraMisaki.Infrastructure.Jobs;

/// <summary>Embeds, every Embeddings:Backfill:IntervalSeconds, the notes saved while the embedding service was down.</summary>
internal sealed class NoteEmbeddingBackfillJob(
    IServiceScopeFactory scopes, DatabaseSchemaReadiness schema, IOptions<EmbeddingOptions> options,
    ILogger<NoteEmbeddingBackfillJob> logger)
    : PeriodicJob(scopes, schema, logger)
{
    private EmbeddingBackfillOptions Settings => options.Value.Backfill;

    protected override string Name => "Note embedding backfill";
    protected override bool Enabled => Settings.Enabled;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Settings.IntervalSeconds);

    protected override async Task RunPassAsync(ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new BackfillNoteEmbeddings(Settings.MaxNotesPerPass, Settings.BatchSize), cancellationToken);
        if (result.Embedded > 0 || result.Failed > 0 || result.EmbeddingUnavailable)
        {
            logger.LogInformation(
                "Backfill with {Model}: {Embedded} embedded, {Failed} refused, service unavailable: {Unavailable}, more left: {More}",
                result.Model, result.Embedded, result.Failed, result.EmbeddingUnavailable, !result.Done);
        }
    }
}
