using FluentValidation;
using Mediator;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Common.Behaviours;

/// <summary>
/// The one validation step: every request passes its FluentValidation validators before its handler runs,
/// so handlers never re-check input. Failures surface as <see cref="ValidationException"/> (mapped to 400).
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators as IValidator<TMessage>[] ?? validators.ToArray();

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        if (message is IActingUserRequest onBehalfOf)
        {
            failures.AddRange((await ActingUserRules.Validator.ValidateAsync(onBehalfOf, cancellationToken)).Errors);
        }

        if (_validators.Length > 0)
        {
            var context = new ValidationContext<TMessage>(message);
            foreach (var validator in _validators)
            {
                var result = await validator.ValidateAsync(context, cancellationToken);
                failures.AddRange(result.Errors);
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
