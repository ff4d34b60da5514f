using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Notes.Embeddings;
using static NakamuraMisaki.Application.Notes.Queries.SearchNotes.ReciprocalRankFusion;

namespace NakamuraMisaki.Application.Notes.Queries.SearchNotes;

/// <summary>The acting user's notes that match the query by meaning and by wording (docs/embeddings.md).</summary>
/// <param name="Mode"><c>hybrid</c> (default), <c>vector</c> or <c>text</c>; null = default.</param>
/// <param name="MinScore">Each side's hits below this own score (cosine similarity, lexical score) are left out; null: none.</param>
public sealed record SearchNotes(string Query, int Limit, string? Category, string? Mode = null, double? MinScore = null)
    : IRequest<NoteSearchResponse>, IActingUserRequest;

/// <summary>How many hits a search answers (a class of its own, so the Api can name them without qualification).</summary>
public static class SearchNotesLimits
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    /// <summary>Each side fetches this many candidates for a page of <paramref name="limit"/>: a note just off one
    /// side's page may still be the fusion's best when the other side ranks it high.</summary>
    public static int CandidatesFor(int limit) => Math.Max(limit * 4, 40);
}

public sealed class SearchNotesHandler(
    IUser user, INoteReader notes, ITextEmbedder embedder, SearchMetrics metrics, TimeProvider clock)
    : IRequestHandler<SearchNotes, NoteSearchResponse>
{
    public async ValueTask<NoteSearchResponse> Handle(SearchNotes request, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var mode = SearchModes.Parse(request.Mode);
        var response = await SearchAsync(request, mode, cancellationToken);
        metrics.Answered(mode, response.Mode, clock.GetElapsedTime(started));
        return response;
    }

    private async Task<NoteSearchResponse> SearchAsync(SearchNotes request, SearchMode mode, CancellationToken cancellationToken)
    {
        var query = request.Query.Trim();
        var candidates = mode == SearchMode.Hybrid ? SearchNotesLimits.CandidatesFor(request.Limit) : request.Limit;
        var embedded = mode == SearchMode.Text ? null : await TryEmbedAsync(query, cancellationToken);
        var byText = mode == SearchMode.Vector && embedded is not null
            ? []
            : await notes.SearchByTextAsync(
                user.ActingId(), query, request.Category, request.MinScore ?? 0, candidates, cancellationToken);
        if (embedded is null)
        {
            // Asked for text, or the embedding service is unavailable: a degraded answer beats an error.
            return new NoteSearchResponse(SearchMode.Text, FromOneSide(byText.Take(request.Limit).ToArray(), TextSide));
        }

        // Nearest first, so cutting the weak ones after the fetch loses nothing nearer.
        var byVector = (await notes.SearchByVectorAsync(
            user.ActingId(), embedded, request.Category, candidates, cancellationToken))
            .Where(h => request.MinScore is not { } min || h.Score >= min).ToArray();
        return mode == SearchMode.Vector
            ? new NoteSearchResponse(SearchMode.Vector, FromOneSide(byVector, VectorSide))
            : new NoteSearchResponse(SearchMode.Hybrid, Fuse(byVector, byText, request.Limit));
    }

    /// <returns>Null when the provider is unavailable (the embedder has logged why, once per outage).</returns>
    private async Task<NoteEmbedding?> TryEmbedAsync(string query, CancellationToken cancellationToken)
    {
        try
        {
            return await embedder.EmbedAsync(query, cancellationToken);
        }
        catch (EmbeddingUnavailableException)
        {
            return null;
        }
    }
}
