using FluentValidation;

namespace NakamuraMisaki.Application.Common.Validation;

public static class TimeZoneRules
{
    public const string DefaultTimeZone = "Asia/Tokyo";

    public static IRuleBuilderOptions<T, string> IanaTimeZone<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Must(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            .WithMessage("'{PropertyValue}' is not a known time zone; use an IANA name such as Asia/Tokyo.");
}
