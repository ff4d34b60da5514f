using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Tasks.Queries.FindTasks;

public sealed class FindTasksValidator : AbstractValidator<FindTasks>
{
    public FindTasksValidator()
    {
        RuleFor(x => x.Query).NotEmpty().Must(q => q.Trim().Length > 0).WithMessage("'q' must not be blank.")
            .MaximumLength(FindTasksLimits.MaxQueryLength).OverridePropertyName("q");
        RuleFor(x => x.Limit).InclusiveBetween(1, PageRequest.MaxLimit).OverridePropertyName("limit");
    }
}
