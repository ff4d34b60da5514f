using Mediator;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Application.Notes.Commands.ReEmbedNotes;

/// <summary>
/// Re-embeds, with the configured model, up to <see cref="Limit"/> notes that have no embedding of that model (after
/// switching providers or models), in id order from <see cref="After"/>. Call again with the returned cursor until
/// done; running it twice is harmless because notes already on the configured model are skipped.
/// </summary>
public sealed record ReEmbedNotes(Guid? After, int Limit, int BatchSize) : IRequest<EmbeddingPassResult>, IAuditedCommand
{
    public string AuditOperation => AuditOperations.ReEmbedNotes;

    public string? AuditResourceId => null;

    /// <summary>One provider call and one UPDATE per note: a transaction held across them would hold rows for minutes.</summary>
    public bool AuditedInOneTransaction => false;
}

public sealed class ReEmbedNotesHandler(NoteEmbeddingPass pass) : IRequestHandler<ReEmbedNotes, EmbeddingPassResult>
{
    public async ValueTask<EmbeddingPassResult> Handle(ReEmbedNotes request, CancellationToken cancellationToken) =>
        await pass.RunAsync(
            EmbeddingBacklog.NotCurrentModel, request.After, request.Limit, request.BatchSize, cancellationToken);
}
