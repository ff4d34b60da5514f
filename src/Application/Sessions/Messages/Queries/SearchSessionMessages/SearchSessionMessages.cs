using FluentValidation;
using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Sessions.Messages.Queries.SearchSessionMessages;

/// <summary>
/// The acting user's messages by text, best match first (the notes' lexical engine: tokens of characters and pairs,
/// so Japanese without spaces, one-character words and typos work), optionally within one of their sessions.
/// </summary>
public sealed record SearchSessionMessages(string Query, string? SessionId, int Limit)
    : IRequest<SessionMessageSearchResponse>, IActingUserRequest
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
}

public sealed class SearchSessionMessagesHandler(IUser user, ISessionMessageReader reader)
    : IRequestHandler<SearchSessionMessages, SessionMessageSearchResponse>
{
    public async ValueTask<SessionMessageSearchResponse> Handle(
        SearchSessionMessages request, CancellationToken cancellationToken) =>
        new(await reader.SearchAsync(
            user.ActingId(), request.Query.Trim(), request.SessionId, request.Limit, cancellationToken));
}

public sealed class SearchSessionMessagesValidator : AbstractValidator<SearchSessionMessages>
{
    public SearchSessionMessagesValidator()
    {
        RuleFor(x => x.Query).SearchQuery().OverridePropertyName("q");
        RuleFor(x => x.SessionId).SessionId().When(x => x.SessionId is not null);
        RuleFor(x => x.Limit).InclusiveBetween(1, SearchSessionMessages.MaxLimit);
    }
}
