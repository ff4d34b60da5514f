using FluentValidation;
using FluentValidation.Results;
using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Common.Behaviours;

/// <summary>
/// The one validation step: every request passes its FluentValidation validators before its handler runs,
/// so handlers never re-check input. Failures surface as <see cref="ValidationException"/> (mapped to 400).
/// </summary>
/// <remarks>
/// Runs on every request, so the common cases cost little: the acting user's rule is a plain test while it holds
/// (<see cref="ActingUserRules.Failures"/>), and a request without validators of its own (most reads) goes to its
/// handler without an async step or a list of failures.
/// </remarks>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators, IUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators as IValidator<TMessage>[] ?? validators.ToArray();

    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var actingUserFailures = message is IActingUserRequest ? ActingUserRules.Failures(user) : null;
        if (_validators.Length == 0)
        {
            return actingUserFailures is null ? next(message, cancellationToken) : throw new ValidationException(actingUserFailures);
        }

        return ValidateThenHandleAsync(message, actingUserFailures ?? [], next, cancellationToken);
    }

    private async ValueTask<TResponse> ValidateThenHandleAsync(
        TMessage message, List<ValidationFailure> failures, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var context = new ValidationContext<TMessage>(message);
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
