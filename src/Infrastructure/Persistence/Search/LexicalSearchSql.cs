namespace NakamuraMisaki.Infrastructure.Persistence.Search;

/// <summary>
/// The one lexical (word) engine of the service: notes' text side and conversation messages' search. It runs over any
/// table with a <c>content</c> text and its generated <c>search_tokens text[]</c> (GIN-indexed; both tables get them
/// from <see cref="TokensOfContent"/>). The SQL functions it calls are created by the migration
/// <c>AddLexicalSearchTokens</c> and are the one home of normalisation and tokenising, for stored rows and queries:
/// <list type="bullet">
/// <item><c>search_normalize(text)</c>: <c>lower(normalize(text, NFKC))</c>, so <c>ＰＧ－１２３４</c> = <c>pg-1234</c>
/// and half-width <c>ｶﾀｶﾅ</c> = <c>カタカナ</c>.</item>
/// <item><c>search_words(text)</c>: the normalised text split at whitespace and punctuation (a fixed character class,
/// not the locale's, so every cluster splits alike) and where Latin letters or digits meet other letters (migration
/// <c>SplitWordsAtScriptChange</c>): "バッチがOOMで落ちた" holds the word "oom". Japanese without spaces stays one word.</item>
/// <item><c>search_tokens(text)</c>: every word's characters, character pairs, and its two edges (<c>' z'</c>,
/// <c>'m '</c>): what a row stores.</item>
/// </list>
/// A query is split by the same <c>search_words</c>; per query word, the tokens a row must hold (its pairs, or the
/// character of a one-character word) and its edges (the bonus for a whole-word match) are <see cref="QueryWordsSql"/>.
/// Each query names its row alias (<c>row</c>): the columns read are <c>row.search_tokens</c> and <c>row.content</c>.
/// </summary>
public static class LexicalSearchSql
{
    /// <summary>The generated column's expression.</summary>
    public const string TokensOfContent = "search_tokens(content)";

    /// <summary>
    /// Below this a lexical match is noise (one shared character pair of a long query): it is left out, so it cannot
    /// take a rank in the fusion from a note that matches.
    /// </summary>
    public const double NoiseFloor = 0.25;

    /// <summary>
    /// The score of a row <c>row</c> for query <c>{0}</c>, in [0, 1]. Per query word: 0.5 × the share of its pairs
    /// the row holds, + 0.3 when it holds all of them (the word occurs, up to pair order), + 0.2 × the share of its
    /// edges (it occurs as a whole word: <c>OOM</c> in "OOM killer", not in "Zoom"). The words' mean weighs 0.8; the
    /// other 0.2 is pg_trgm's word similarity of the normalised query to the content, which forgives typos.
    /// </summary>
    public static string RankSql(string queryParameter, string row) => $"""
        (0.8 * (SELECT avg(
                    0.5 * (SELECT count(*) FROM unnest(w.core) AS c(token) WHERE {row}.search_tokens @> ARRAY[c.token])::float8
                        / cardinality(w.core)
                    + CASE WHEN {row}.search_tokens @> w.core
                           THEN 0.3 + 0.1 * (SELECT count(*) FROM unnest(w.edges) AS e(token) WHERE {row}.search_tokens @> ARRAY[e.token])
                           ELSE 0 END)
                FROM {QueryWordsSql(queryParameter)} AS w)
         + 0.2 * word_similarity(search_normalize({queryParameter}), {row}.content))
        """;

    /// <summary>
    /// The index condition: rows holding at least one token any query word needs (one token for a one- or
    /// two-character word, so such a query is a single GIN lookup).
    /// </summary>
    public static string CandidatesSql(string queryParameter, string row) =>
        $"{row}.search_tokens && ARRAY(SELECT DISTINCT c.token FROM {QueryWordsSql(queryParameter)} AS w, unnest(w.core) AS c(token))";

    /// <summary>The query's distinct words as rows of (core, edges). Not a SQL function: a set-returning SQL-standard
    /// body needs BEGIN ATOMIC, whose inner semicolon Npgsql's statement splitter cuts in a migration.</summary>
    private static string QueryWordsSql(string queryParameter) => $"""
        (SELECT CASE WHEN length(u.word) = 1 THEN ARRAY[u.word]
                     ELSE ARRAY(SELECT DISTINCT substr(u.word, i, 2) FROM generate_series(1, length(u.word) - 1) AS i) END AS core,
                ARRAY[' ' || left(u.word, 1), right(u.word, 1) || ' '] AS edges
         FROM (SELECT DISTINCT d.word FROM unnest(search_words({queryParameter})) AS d(word)) AS u)
        """;
}
