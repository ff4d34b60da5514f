using FluentValidation;
using FluentValidation.Results;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Common.Security;

/// <summary>
/// A request made on behalf of the acting user (<see cref="IUser"/>). Handlers show and change only what that user
/// may see; anything else is "not found", so the answer never reveals that someone else's resource exists.
/// </summary>
public interface IActingUserRequest;

/// <summary>Checked by the validation step for every <see cref="IActingUserRequest"/>.</summary>
public static class ActingUserRules
{
    /// <summary>
    /// The name a failure of this rule carries: the type, not a request member, since no request carries the user.
    /// The Api turns it into the name the client sent the user under.
    /// </summary>
    public const string FailureName = nameof(IUser);

    // An inline validator, not a validator class: assembly scanning must not register it for DI on its own.
    private static readonly IValidator<IUser> Validator = new InlineValidator<IUser>
    {
        v => v.RuleFor(x => x.Id).SlackUserId().WithName("acting user").OverridePropertyName(FailureName),
    };

    /// <summary>The rule's failures for the acting user; null, and nothing built, when it holds (nearly always).</summary>
    public static List<ValidationFailure>? Failures(IUser user) =>
        SlackUserIdRules.IsSlackUserId(user.Id) ? null : Validator.Validate(user).Errors;
}
