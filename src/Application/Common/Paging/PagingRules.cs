using FluentValidation;

namespace NakamuraMisaki.Application.Common.Paging;

public static class PagingRules
{
    public static void ValidatePaging<T>(this AbstractValidator<T> validator, Func<T, PageRequest> page)
    {
        validator.RuleFor(x => page(x).Limit).InclusiveBetween(1, PageRequest.MaxLimit).OverridePropertyName("limit");
        validator.RuleFor(x => page(x).Offset).GreaterThanOrEqualTo(0).OverridePropertyName("offset");
    }
}
