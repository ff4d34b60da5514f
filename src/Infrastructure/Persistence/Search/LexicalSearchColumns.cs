using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NakamuraMisaki.Infrastructure.Persistence.Search;

/// <summary>What a table needs for <see cref="LexicalSearchSql"/>: the generated token column and its GIN index.</summary>
internal static class LexicalSearchColumns
{
    /// <summary>The shadow property of the generated column <c>search_tokens</c>.</summary>
    public const string SearchTokens = "SearchTokens";

    /// <summary>
    /// <c>search_tokens text[] GENERATED ALWAYS AS (search_tokens(content)) STORED</c> and a GIN index on it: the
    /// database computes the tokens on every insert (an import's COPY included), and the index answers "has this token"
    /// for the one- and two-character Japanese words that trigrams cannot.
    /// </summary>
    public static void HasLexicalSearchTokens<T>(this EntityTypeBuilder<T> builder, string indexName) where T : class
    {
        builder.Property<string[]>(SearchTokens).HasComputedColumnSql(LexicalSearchSql.TokensOfContent, stored: true);
        builder.HasIndex(SearchTokens).HasMethod("gin").HasDatabaseName(indexName);
    }
}
