using Mediator;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Application.Notes.Queries.ListSessionNotes;

/// <summary>The user's notes from one conversation, oldest first (the order the conversation produced them).</summary>
public sealed record ListSessionNotes(string UserId, string SessionId, PageRequest Page) : IRequest<Page<NoteResponse>>;

public sealed class ListSessionNotesHandler(INoteRepository notes)
    : IRequestHandler<ListSessionNotes, Page<NoteResponse>>
{
    public async ValueTask<Page<NoteResponse>> Handle(ListSessionNotes request, CancellationToken cancellationToken) =>
        await notes.ListBySessionAsync(request.UserId, request.SessionId, request.Page, cancellationToken);
}
