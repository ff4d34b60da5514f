using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NakamuraMisaki.Infrastructure.Persistence.Vectors;

/// <summary>
/// The partial HNSW index of one (model, width): only that model's vectors of that width, indexed as
/// <c>vector(width)</c>, so any number of models and widths live side by side in the untyped column.
/// The search's WHERE carries the same predicate and its ORDER BY the same cast (see <see cref="VectorWidth"/>).
/// </summary>
public sealed record NoteVectorIndex(string Model, int Dimensions)
{
    /// <summary>ix_notes_embedding_{width}_{hash}: PostgreSQL names stop at 63 bytes, model names do not.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"ix_notes_embedding_{Dimensions}_{ModelHash}");

    /// <summary>Rows whose cast to <see cref="Dimensions"/> cannot fail: the index never evaluates it for others.</summary>
    public string Predicate => string.Create(CultureInfo.InvariantCulture,
        $"embedding_model = {Literal(Model)} AND vector_dims(embedding) = {Dimensions}");

    /// <summary>m 16, ef_construction 64: pgvector's defaults, as the index before this one (see bench/RESULTS.md).</summary>
    public string CreateConcurrentlySql => string.Create(CultureInfo.InvariantCulture,
        $"CREATE INDEX CONCURRENTLY IF NOT EXISTS {Name} ON notes USING hnsw ((embedding::vector({Dimensions})) vector_cosine_ops) WHERE {Predicate}");

    public string DropConcurrentlySql => $"DROP INDEX CONCURRENTLY IF EXISTS {Name}";

    private string ModelHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Model)))[..12];

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
