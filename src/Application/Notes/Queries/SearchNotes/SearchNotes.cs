using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Application.Notes.Queries.SearchNotes;

/// <summary>The acting user's notes closest in meaning to the query (or, without the embedding service, in wording).</summary>
public sealed record SearchNotes(string Query, int Limit, string? Category)
    : IRequest<NoteSearchResponse>, IActingUserRequest;

/// <summary>How many hits a search answers (a class of its own, so the Api can name them without qualification).</summary>
public static class SearchNotesLimits
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
}

public sealed class SearchNotesHandler(IUser user, INoteReader notes, ITextEmbedder embedder)
    : IRequestHandler<SearchNotes, NoteSearchResponse>
{
    public async ValueTask<NoteSearchResponse> Handle(SearchNotes request, CancellationToken cancellationToken)
    {
        var query = request.Query.Trim();
        NoteEmbedding embedded;
        try
        {
            embedded = await embedder.EmbedAsync(query, cancellationToken);
        }
        catch (EmbeddingUnavailableException)
        {
            // A degraded answer beats an error: the Slack user still finds notes that share the query's words.
            var byText = await notes.SearchByTextAsync(
                user.ActingId(), query, request.Category, request.Limit, cancellationToken);
            return new NoteSearchResponse(SearchMode.Text, byText);
        }

        var byVector = await notes.SearchByVectorAsync(
            user.ActingId(), embedded, request.Category, request.Limit, cancellationToken);
        return new NoteSearchResponse(SearchMode.Vector, byVector);
    }
}
