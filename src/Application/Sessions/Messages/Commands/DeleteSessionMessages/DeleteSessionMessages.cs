using FluentValidation;
using Mediator;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Sessions.Messages.Commands.DeleteSessionMessages;

/// <summary>
/// Deletes the acting user's session history (a privacy request), or, with <see cref="BeforeSeq"/>, the messages
/// before that seq (trimming a conversation after it was summarised). The session, its message_count and the seqs
/// still to come are unchanged: the next message continues after the last one ever appended.
/// </summary>
public sealed record DeleteSessionMessages(string SessionId, long? BeforeSeq)
    : IRequest<DeletedSessionMessages>, IActingUserRequest, IAuditedCommand
{
    public string AuditOperation => BeforeSeq is null ? AuditOperations.DeleteSessionHistory : AuditOperations.TrimSessionHistory;

    public string? AuditResourceId => BeforeSeq is { } before ? $"{SessionId}/before/{before}" : SessionId;
}

public sealed class DeleteSessionMessagesHandler(IUser user, ISessionHistoryRepository history)
    : IRequestHandler<DeleteSessionMessages, DeletedSessionMessages>
{
    public async ValueTask<DeletedSessionMessages> Handle(DeleteSessionMessages request, CancellationToken cancellationToken) =>
        new(await history.DeleteAsync(request.SessionId, user.ActingId(), request.BeforeSeq, cancellationToken)
            ?? throw new NotFoundException("Session", request.SessionId));
}

public sealed class DeleteSessionMessagesValidator : AbstractValidator<DeleteSessionMessages>
{
    public DeleteSessionMessagesValidator()
    {
        RuleFor(x => x.SessionId).SessionId();
        RuleFor(x => x.BeforeSeq).GreaterThanOrEqualTo(1).OverridePropertyName("seq");
    }
}
