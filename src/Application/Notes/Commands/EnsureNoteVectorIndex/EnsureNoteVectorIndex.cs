using Mediator;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Application.Notes.Commands.EnsureNoteVectorIndex;

/// <summary>The configured model's HNSW index exists (built now if it did not). Sent by the index job at start-up.</summary>
public sealed record EnsureNoteVectorIndex : IRequest<NoteVectorIndexResult>;

/// <param name="Dimensions">The model's width; null when the provider could not be asked (retry later).</param>
/// <param name="Built">This call built the index.</param>
/// <param name="Indexable">False when the width is beyond an HNSW index: searches read the user's notes exactly.</param>
public sealed record NoteVectorIndexResult(string Model, int? Dimensions, bool Built, bool Indexable);

public sealed class EnsureNoteVectorIndexHandler(ITextEmbedder embedder, INoteVectorIndexes indexes, EmbeddingMetrics metrics)
    : IRequestHandler<EnsureNoteVectorIndex, NoteVectorIndexResult>
{
    /// <summary>Embedded once when neither configuration nor an earlier answer says the model's width.</summary>
    private const string WidthProbe = "width probe";

    public async ValueTask<NoteVectorIndexResult> Handle(EnsureNoteVectorIndex request, CancellationToken cancellationToken)
    {
        var model = embedder.Model;
        int width;
        try
        {
            width = embedder.Dimensions ?? (await embedder.EmbedAsync(WidthProbe, cancellationToken)).Vector.Length;
        }
        catch (EmbeddingUnavailableException)
        {
            return new NoteVectorIndexResult(model, null, Built: false, Indexable: true);
        }

        if (width > EmbeddingSchema.MaxIndexedDimensions)
        {
            return new NoteVectorIndexResult(model, width, Built: false, Indexable: false);
        }

        var built = await indexes.EnsureAsync(model, width, cancellationToken);
        if (built)
        {
            metrics.IndexBuilt(model);
        }

        return new NoteVectorIndexResult(model, width, built, Indexable: true);
    }
}
