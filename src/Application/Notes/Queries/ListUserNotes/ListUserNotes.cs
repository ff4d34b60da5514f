using Mediator;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Notes.Queries.ListUserNotes;

/// <summary>The acting user's notes, newest first, optionally of one category.</summary>
public sealed record ListUserNotes(string? Category, PageRequest Page)
    : IRequest<Page<NoteResponse>>, IActingUserRequest;

public sealed class ListUserNotesHandler(IUser user, INoteReader notes) : IRequestHandler<ListUserNotes, Page<NoteResponse>>
{
    public async ValueTask<Page<NoteResponse>> Handle(ListUserNotes request, CancellationToken cancellationToken) =>
        await notes.ListByUserAsync(user.ActingId(), request.Category, request.Page, cancellationToken);
}
