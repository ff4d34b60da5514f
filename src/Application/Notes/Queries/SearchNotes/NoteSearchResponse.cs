using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Application.Notes.Queries.SearchNotes;

/// <summary>
/// Which search answers: <c>hybrid</c> (both sides fused), <c>vector</c> (cosine similarity of embeddings) or
/// <c>text</c> (lexical). The names are the <c>mode</c> parameter's and the answer's.
/// </summary>
public enum SearchMode
{
    Hybrid,
    Vector,
    Text,
}

public static class SearchModes
{
    public const SearchMode Default = SearchMode.Hybrid;

    /// <summary>The parameter's and the answer's words.</summary>
    public static readonly EnumWords<SearchMode> Words = new("search mode",
        (SearchMode.Hybrid, "hybrid"),
        (SearchMode.Vector, "vector"),
        (SearchMode.Text, "text"));

    /// <summary>Null (absent) is the default; a word not in <see cref="Words"/> was refused by the validator.</summary>
    public static SearchMode Parse(string? name) => name is null ? Default : Words.Parse(name);
}

/// <param name="Mode">What answered: the mode asked for, or <c>text</c> when the embedding service is unavailable.</param>
public sealed record NoteSearchResponse(SearchMode Mode, IReadOnlyList<NoteSearchHit> Items);
