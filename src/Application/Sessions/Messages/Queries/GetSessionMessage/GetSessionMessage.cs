using FluentValidation;
using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Sessions.Messages.Queries.GetSessionMessage;

/// <summary>One message of the acting user's session by its seq.</summary>
public sealed record GetSessionMessage(string SessionId, long Seq)
    : IRequest<SessionMessageResponse>, IActingUserRequest;

public sealed class GetSessionMessageHandler(IUser user, ISessionMessageReader reader)
    : IRequestHandler<GetSessionMessage, SessionMessageResponse>
{
    public async ValueTask<SessionMessageResponse> Handle(GetSessionMessage request, CancellationToken cancellationToken) =>
        await reader.GetAsync(request.SessionId, user.ActingId(), request.Seq, cancellationToken)
        ?? throw new NotFoundException("Session message", $"{request.SessionId}/{request.Seq}");
}

public sealed class GetSessionMessageValidator : AbstractValidator<GetSessionMessage>
{
    public GetSessionMessageValidator()
    {
        RuleFor(x => x.SessionId).SessionId();
        RuleFor(x => x.Seq).GreaterThanOrEqualTo(1);
    }
}
