using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Common.Security;

/// <summary>
/// A request made on behalf of a Slack user (the bot passes whose request it is). Handlers show and change only what
/// that user may see; anything else is "not found", so the answer never reveals that someone else's resource exists.
/// </summary>
public interface IActingUserRequest
{
    string ActingUserId { get; }
}

/// <summary>Checked by the validation step for every <see cref="IActingUserRequest"/>.</summary>
public static class ActingUserRules
{
    // An inline validator, not a validator class: assembly scanning must not register it for DI on its own.
    public static readonly IValidator<IActingUserRequest> Validator = new InlineValidator<IActingUserRequest>
    {
        v => v.RuleFor(x => x.ActingUserId).SlackUserId().WithName("acting user"),
    };
}
