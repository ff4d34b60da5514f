using FluentValidation;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Application.Notes.Commands.BackfillNoteEmbeddings;

public sealed class BackfillNoteEmbeddingsValidator : AbstractValidator<BackfillNoteEmbeddings>
{
    public BackfillNoteEmbeddingsValidator()
    {
        RuleFor(x => x.MaxNotes).GreaterThan(0);
        RuleFor(x => x.BatchSize).InclusiveBetween(1, EmbeddingPassLimits.MaxBatchSize);
    }
}
