using Mediator;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Application.Notes.Commands.BackfillNoteEmbeddings;

/// <summary>
/// One backfill pass: embeds notes that were saved without an embedding (the service was down), oldest first, up to
/// <see cref="MaxNotes"/>. The background job sends this on a timer; tests send it directly.
/// </summary>
public sealed record BackfillNoteEmbeddings(int MaxNotes, int BatchSize) : IRequest<EmbeddingPassResult>;

public sealed class BackfillNoteEmbeddingsHandler(NoteEmbeddingPass pass, INoteReader notes, EmbeddingMetrics metrics)
    : IRequestHandler<BackfillNoteEmbeddings, EmbeddingPassResult>
{
    public async ValueTask<EmbeddingPassResult> Handle(BackfillNoteEmbeddings request, CancellationToken cancellationToken)
    {
        var result = await pass.RunAsync(EmbeddingBacklog.Missing, after: null, request.MaxNotes, request.BatchSize, cancellationToken);
        metrics.Backlog(await notes.CountWithoutEmbeddingAsync(cancellationToken));
        return result;
    }
}
