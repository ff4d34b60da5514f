using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Audit;

/// <summary>
/// The one place an <see cref="IAuditedCommand"/> is recorded: in the change's own transaction when it is one, else
/// after it. A command that fails changes nothing (404, 409, 412 …) and leaves no event; a pass of several
/// transactions that fails part-way records what it did with outcome "failed".
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(IAuditTrail trail, IUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IAuditedCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message.AuditedInOneTransaction)
        {
            return await trail.RecordWithAsync(
                token => next(message, token), response => Entry(message, AuditOutcomes.Succeeded, response), cancellationToken);
        }

        TResponse result;
        try
        {
            result = await next(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            try
            {
                await trail.RecordAsync(Entry(message, AuditOutcomes.Failed, new { error = e.GetType().Name }), CancellationToken.None);
            }
            catch (Exception) when (e is not null)
            {
                // The database that failed the pass usually fails this too: the pass's own error is the answer.
            }

            throw;
        }

        await trail.RecordAsync(Entry(message, AuditOutcomes.Succeeded, result), cancellationToken);
        return result;
    }

    private AuditEntry Entry(TMessage message, string outcome, object? details) => new(
        message.AuditOperation, message.AuditResourceId, outcome, details is Unit ? null : details,
        ActingUser: message is IActingUserRequest ? user.Id : null);
}
