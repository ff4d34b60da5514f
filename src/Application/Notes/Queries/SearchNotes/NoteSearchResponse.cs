namespace NakamuraMisaki.Application.Notes.Queries.SearchNotes;

/// <summary>Which search answered: <c>vector</c> (cosine similarity of embeddings) or <c>text</c> (the fallback).</summary>
public enum SearchMode
{
    Vector,
    Text,
}

/// <param name="Mode">Scores are comparable only within one mode.</param>
public sealed record NoteSearchResponse(SearchMode Mode, IReadOnlyList<NoteSearchHit> Items);
