using Mediator;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Notes.Queries.ListSessionNotes;

/// <summary>The acting user's notes from one conversation, oldest first (the order the conversation produced them).</summary>
public sealed record ListSessionNotes(string SessionId, PageRequest Page)
    : IRequest<Page<NoteResponse>>, IActingUserRequest;

public sealed class ListSessionNotesHandler(IUser user, INoteReader notes)
    : IRequestHandler<ListSessionNotes, Page<NoteResponse>>
{
    public async ValueTask<Page<NoteResponse>> Handle(ListSessionNotes request, CancellationToken cancellationToken) =>
        await notes.ListBySessionAsync(user.ActingId(), request.SessionId, request.Page, cancellationToken);
}
