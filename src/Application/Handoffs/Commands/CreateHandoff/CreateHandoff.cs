using FluentValidation;
using FluentValidation.Results;
using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Domain.Handoffs;

namespace NakamuraMisaki.Application.Handoffs.Commands.CreateHandoff;

/// <summary>The acting user hands work over: they are the sender (from_user_id), the recipient someone else.</summary>
/// <param name="HandoffAt">When the hand-over happens; omitted means now.</param>
public sealed record CreateHandoff(
    Guid? TaskId, string ToUserId, string ProgressNote, string NextSteps, DateTimeOffset? HandoffAt)
    : IRequest<HandoffResponse>, IActingUserRequest;

public sealed class CreateHandoffHandler(IUser user, IHandoffRepository handoffs, TimeProvider clock)
    : IRequestHandler<CreateHandoff, HandoffResponse>
{
    public async ValueTask<HandoffResponse> Handle(CreateHandoff request, CancellationToken cancellationToken)
    {
        // The one check the validator cannot make: it needs the database. Answered like any bad field (400 naming
        // task_id), because the hand-off is what is missing here, not the task being addressed. A task the sender
        // may not see does not exist for them: linking it would leak its title into the recipient's reminder.
        if (request.TaskId is { } taskId && !await handoffs.TaskExistsAsync(taskId, user.ActingId(), cancellationToken))
        {
            throw new ValidationException(
                [new ValidationFailure(nameof(request.TaskId), $"No task has the id '{taskId}'.")]);
        }

        var handoff = Handoff.Create(
            request.TaskId, user.ActingId(), request.ToUserId, request.ProgressNote, request.NextSteps,
            request.HandoffAt, clock.GetUtcNow());
        handoffs.Add(handoff);
        await handoffs.SaveChangesAsync(cancellationToken);
        return HandoffResponse.From(handoff);
    }
}
