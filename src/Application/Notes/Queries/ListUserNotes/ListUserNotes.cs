using Mediator;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Application.Notes.Queries.ListUserNotes;

/// <summary>The user's notes, newest first, optionally of one category.</summary>
public sealed record ListUserNotes(string UserId, string? Category, PageRequest Page) : IRequest<Page<NoteResponse>>;

public sealed class ListUserNotesHandler(INoteRepository notes) : IRequestHandler<ListUserNotes, Page<NoteResponse>>
{
    public async ValueTask<Page<NoteResponse>> Handle(ListUserNotes request, CancellationToken cancellationToken) =>
        await notes.ListByUserAsync(request.UserId, request.Category, request.Page, cancellationToken);
}
