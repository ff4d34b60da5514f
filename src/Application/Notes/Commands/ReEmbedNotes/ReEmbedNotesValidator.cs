using FluentValidation;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Application.Notes.Commands.ReEmbedNotes;

public sealed class ReEmbedNotesValidator : AbstractValidator<ReEmbedNotes>
{
    public ReEmbedNotesValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, EmbeddingPassLimits.MaxReEmbedLimit);
        RuleFor(x => x.BatchSize).InclusiveBetween(1, EmbeddingPassLimits.MaxBatchSize);
    }
}
