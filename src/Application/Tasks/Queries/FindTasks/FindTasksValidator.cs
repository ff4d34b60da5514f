using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Tasks.Queries.FindTasks;

public sealed class FindTasksValidator : AbstractValidator<FindTasks>
{
    public FindTasksValidator()
    {
        RuleFor(x => x.Query).NotEmpty().NotBlank("q")
            .MaximumLength(FindTasksLimits.MaxQueryLength).OverridePropertyName("q");
        RuleFor(x => x.Limit).InclusiveBetween(1, PageRequest.MaxLimit).OverridePropertyName("limit");
    }
}
