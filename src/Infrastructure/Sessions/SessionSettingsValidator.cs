using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Application.Sessions;

namespace NakamuraMisaki.Infrastructure.Sessions;

internal sealed class SessionSettingsValidator : IValidateOptions<SessionSettings>
{
    public ValidateOptionsResult Validate(string? name, SessionSettings options) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TitleTimeZone, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Sessions:TitleTimeZone is not a known time zone; use an IANA name such as {TimeZoneRules.DefaultTimeZone}.");
}
