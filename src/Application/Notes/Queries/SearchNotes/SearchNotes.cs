using Mediator;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Application.Notes.Queries.SearchNotes;

/// <summary>The acting user's notes closest in meaning to the query (or, without the embedding service, in wording).</summary>
public sealed record SearchNotes(string Query, int Limit, string? Category, string ActingUserId)
    : IRequest<NoteSearchResponse>, IActingUserRequest
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
}

public sealed class SearchNotesHandler(INoteReader notes, ITextEmbedder embedder)
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
                request.ActingUserId, query, request.Category, request.Limit, cancellationToken);
            return new NoteSearchResponse(SearchMode.Text, byText);
        }

        var byVector = await notes.SearchByVectorAsync(
            request.ActingUserId, embedded, request.Category, request.Limit, cancellationToken);
        return new NoteSearchResponse(SearchMode.Vector, byVector);
    }
}
