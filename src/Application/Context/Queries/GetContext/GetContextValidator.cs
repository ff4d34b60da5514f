using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Context.Queries.GetContext;

public sealed class GetContextValidator : AbstractValidator<GetContext>
{
    public GetContextValidator()
    {
        RuleFor(x => x.Query).SearchQuery();
        RuleFor(x => x.SessionId).SessionId().When(x => x.SessionId is not null);
        RuleFor(x => x.BudgetTokens).NotNull().InclusiveBetween(1, GetContext.MaxBudgetTokens);
        RuleFor(x => x.Tokenizer)
            .Must(t => ContextTokenizers.Names.Contains(t!))
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", ContextTokenizers.Names)}.")
            .When(x => x.Tokenizer is not null);
        RuleFor(x => x.Include).NotEmpty().When(x => x.Include is not null)
            .WithMessage("'{PropertyName}' names at least one kind; omit it for every kind.");
        RuleForEach(x => x.Include)
            .Must(k => ContextItemKinds.Words.TryParse(k, out _))
            .WithMessage($"'{{PropertyValue}}' is not a kind; use {ContextItemKinds.Words.Listed()}.");
        RuleFor(x => x.Limits).SetValidator(new ContextLimitsValidator()!).When(x => x.Limits is not null);
        RuleFor(x => x.TimeZone!).IanaTimeZone().When(x => x.TimeZone is not null);
    }
}

public sealed class ContextLimitsValidator : AbstractValidator<ContextLimits>
{
    public ContextLimitsValidator()
    {
        RuleFor(x => x.RecentMessages).InclusiveBetween(1, ContextLimits.Max).When(x => x.RecentMessages is not null);
        RuleFor(x => x.Notes).InclusiveBetween(1, ContextLimits.Max).When(x => x.Notes is not null);
        RuleFor(x => x.PastMessages).InclusiveBetween(1, ContextLimits.Max).When(x => x.PastMessages is not null);
        RuleFor(x => x.Tasks).InclusiveBetween(1, ContextLimits.Max).When(x => x.Tasks is not null);
        RuleFor(x => x.Handoffs).InclusiveBetween(1, ContextLimits.Max).When(x => x.Handoffs is not null);
    }
}
