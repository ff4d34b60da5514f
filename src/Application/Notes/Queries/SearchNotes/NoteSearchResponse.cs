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

    /// <summary>The parameter's values, as the API spells them.</summary>
    public static readonly IReadOnlyDictionary<string, SearchMode> ByName = Enum.GetValues<SearchMode>().ToDictionary(Name);

    public static string Name(SearchMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>Null (absent) is the default; anything not in <see cref="ByName"/> was refused by the validator.</summary>
    public static SearchMode Parse(string? name) => name is null ? Default : ByName[name];
}

/// <param name="Mode">What answered: the mode asked for, or <c>text</c> when the embedding service is unavailable.</param>
public sealed record NoteSearchResponse(SearchMode Mode, IReadOnlyList<NoteSearchHit> Items);
