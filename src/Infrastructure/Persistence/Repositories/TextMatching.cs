using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

/// <summary>
/// The one text-matching rule of the service (notes' search fallback, conversation-history search). Texts are mostly
/// Japanese, without spaces between words, so matching works on characters, not words: a row matches when every
/// whitespace-separated word of the query occurs in it (substring, case-insensitive; score 1), or else when pg_trgm
/// word similarity reaches <see cref="SimilarityThreshold"/> (the score). Both are served by a gin_trgm_ops index.
/// </summary>
internal static class TextMatching
{
    /// <summary>
    /// pg_trgm's own default is 0.6, made for typo tolerance; 0.3 also admits a text that shares about a third of a
    /// longer Japanese query's character triples ("データベース移行の手順" ~ "本番DB移行手順").
    /// </summary>
    public const double SimilarityThreshold = 0.3;

    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n', '\u3000'];

    /// <summary>The rows whose <paramref name="text"/> matches <paramref name="query"/>, best match first.</summary>
    public static IOrderedQueryable<TextMatch<T>> MatchingText<T>(
        this IQueryable<T> rows, Expression<Func<T, string>> text, string query)
    {
        var patterns = query.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => "%" + LikePattern.Escape(word) + "%")
            .ToArray();
        Expression<Func<T, string, TextMatch<T>>> match = (row, content) => new TextMatch<T>
        {
            Row = row,
            ContainsAll = patterns.All(p => EF.Functions.ILike(content, p)),
            Similarity = EF.Functions.TrigramsWordSimilarity(query, content),
            Score = patterns.All(p => EF.Functions.ILike(content, p)) ? 1.0 : EF.Functions.TrigramsWordSimilarity(query, content),
        };
        var row = match.Parameters[0];
        var body = ReplacingExpressionVisitor.Replace(
            match.Parameters[1], ReplacingExpressionVisitor.Replace(text.Parameters[0], row, text.Body), match.Body);
        return rows.Select(Expression.Lambda<Func<T, TextMatch<T>>>(body, row))
            .Where(m => m.ContainsAll || m.Similarity >= SimilarityThreshold)
            .OrderByDescending(m => m.ContainsAll).ThenByDescending(m => m.Similarity);
    }
}

/// <summary>A row and how well it matched; a class with setters, so EF Core can filter and order on its members.</summary>
internal sealed class TextMatch<T>
{
    public required T Row { get; init; }
    public bool ContainsAll { get; init; }
    public double Similarity { get; init; }

    /// <summary>1 when every word is contained, else the similarity.</summary>
    public double Score { get; init; }
}
