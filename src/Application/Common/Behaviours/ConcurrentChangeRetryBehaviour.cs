using Mediator;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Common.Behaviours;

/// <summary>
/// The one answer to a lost race (<see cref="ConcurrentChangeException"/>) of a <see cref="IVersionedCommand"/>.
/// Without a version the client asked for "last writer wins": a change that landed between our read and our write is
/// not its mistake, so the command runs again on the row as it is now (the rules still hold: a task completed
/// meanwhile cannot be cancelled, 409). With a version the client's copy is stale, and that is the answer (412).
/// </summary>
public sealed class ConcurrentChangeRetryBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IVersionedCommand
{
    /// <summary>Three tries: two more writers of one row within the same few milliseconds is not a race but a storm.</summary>
    public const int MaxAttempts = 3;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (ConcurrentChangeException e) when (message.ExpectedVersion is { } expected)
            {
                throw new StaleVersionException(e.Resource, e.Key, expected);
            }
            catch (ConcurrentChangeException) when (attempt < MaxAttempts)
            {
            }
        }
    }
}
