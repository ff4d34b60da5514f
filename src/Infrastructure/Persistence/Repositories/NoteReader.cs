using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Notes;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Persistence.Search;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using Pgvector.EntityFrameworkCore;
using NakamuraMisaki.Infrastructure.Persistence.Vectors;
using static NakamuraMisaki.Infrastructure.Persistence.Configurations.NoteConfiguration;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

/// <remarks>
/// Lists and searches read through <see cref="StaleTolerantReads"/> (a standby when one is configured); a note by id
/// (read right after its save) and the embedding backlog (which a write follows) read the primary.
/// </remarks>
public sealed class NoteReader(AppDbContext db, StaleTolerantReads reads, PgvectorFeatures pgvector) : INoteReader
{
    public Task<NoteResponse?> GetAsync(Guid id, string userId, CancellationToken cancellationToken) =>
        Owned(userId).Where(n => n.Id == id).Select(NoteProjections.Response).FirstOrDefaultAsync(cancellationToken);

    public Task<Page<NoteResponse>> ListByUserAsync(
        string userId, string? category, PageRequest page, CancellationToken cancellationToken) =>
        InCategory(Owned(reads.Db, userId), category)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(NoteProjections.Response)
            .ToPageAsync(page, cancellationToken);

    public Task<Page<NoteResponse>> ListBySessionAsync(
        string userId, string sessionId, PageRequest page, CancellationToken cancellationToken) =>
        Owned(reads.Db, userId).Where(n => n.SessionId == sessionId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(NoteProjections.Response)
            .ToPageAsync(page, cancellationToken);

    public async Task<IReadOnlyList<NoteSearchHit>> SearchByVectorAsync(
        string userId, NoteEmbedding query, string? category, int limit, CancellationToken cancellationToken)
    {
        var vector = new Vector(query.Vector);
        var width = query.Vector.Length;
        // Only vectors of the query's model and width are comparable with it (this also leaves out notes with no
        // embedding). Predicate and cast are the model's partial HNSW index's (NoteVectorIndex), spelled with
        // constants so the planner can match them, and the cast is only evaluated for rows of that width.
        var candidates = InCategory(Owned(reads.Db, userId), category)
            .Where(n => EF.Property<string?>(n, EmbeddingModel) == query.Model
                        && VectorWidth.Dims(EF.Property<Vector>(n, Embedding)) == EF.Constant(width))
            .OrderBy(n => VectorWidth.Cast(EF.Property<Vector>(n, Embedding), EF.Constant(width)).CosineDistance(vector))
            .Take(limit)
            .Select(n => new ScoredNote
            {
                Note = n,
                Score = 1 - VectorWidth.Cast(EF.Property<Vector>(n, Embedding), EF.Constant(width)).CosineDistance(vector),
            })
            .Select(NoteProjections.Hit);

        // SET LOCAL needs a transaction, and a transaction under a retrying execution strategy must be one retriable
        // unit: the whole block is re-run on a transient failure.
        var iterative = await pgvector.HasIterativeScansAsync(cancellationToken);
        var database = reads.Db.Database;
        var hits = await database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await database.BeginTransactionAsync(token);
            // Exactly for a user with few notes, through the graph for one with many (VectorSearchPlan, ADR 0028).
            await database.ExecuteSqlRawAsync(await VectorSearchPlan.SettingsAsync(database, userId, iterative, token), token);

            var rows = await candidates.ToListAsync(token);
            await transaction.CommitAsync(token);
            return rows;
        }, cancellationToken);

        // relaxed_order may return neighbours slightly out of order; the page is small, so order it exactly here.
        return hits.Order(NoteSearchHit.BestFirst).ToArray();
    }

    public async Task<IReadOnlyList<NoteSearchHit>> SearchByTextAsync(
        string userId, string query, string? category, double minScore, int limit, CancellationToken cancellationToken)
    {
        var floor = Math.Max(minScore, LexicalSearchSql.NoiseFloor);
        var matches = await reads.Db.Database.SqlQueryRaw<LexicalMatch>(LexicalSql,
            new NpgsqlParameter("q", query), new NpgsqlParameter("user", userId),
            new NpgsqlParameter("category", NpgsqlDbType.Text) { Value = (object?)category ?? DBNull.Value },
            new NpgsqlParameter("floor", floor), new NpgsqlParameter("limit", limit))
            .ToListAsync(cancellationToken);

        var ids = matches.Select(m => m.Id).ToArray();
        var notes = await Owned(reads.Db, userId).Where(n => ids.Contains(n.Id))
            .Select(n => new ScoredNote { Note = n, Score = 0 })
            .Select(NoteProjections.Hit)
            .ToDictionaryAsync(h => h.Id, cancellationToken);
        return matches.Where(m => notes.ContainsKey(m.Id)).Select(m => notes[m.Id] with { Score = m.Score }).ToArray();
    }

    public async Task<IReadOnlyList<NoteToEmbed>> ListToEmbedAsync(
        EmbeddingBacklog backlog, string model, int? dimensions, Guid? afterId, int limit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var notBackedOff = Timestamps.Normalize(now);
        var notes = backlog switch
        {
            EmbeddingBacklog.Missing => db.Notes.Where(n => EF.Property<Vector?>(n, Embedding) == null
                && (EF.Property<DateTimeOffset?>(n, EmbeddingRetryAt) == null
                    || EF.Property<DateTimeOffset?>(n, EmbeddingRetryAt) <= notBackedOff)),
            // IS DISTINCT FROM: notes without any embedding are behind the configured model too, and so are the
            // model's vectors of another width (Embeddings:Dimensions changed).
            EmbeddingBacklog.NotCurrentModel => db.Notes.Where(n => EF.Property<string?>(n, EmbeddingModel) != model
                || (dimensions != null && VectorWidth.Dims(EF.Property<Vector>(n, Embedding)) != dimensions)),
            _ => throw new ArgumentOutOfRangeException(nameof(backlog), backlog, null),
        };
        if (afterId is { } after)
        {
            notes = notes.Where(n => n.Id.CompareTo(after) > 0);
        }

        return await notes.AsNoTracking()
            .OrderBy(n => n.Id)
            .Take(limit)
            .Select(n => new NoteToEmbed(n.Id, n.Content, EF.Property<int>(n, EmbeddingAttempts)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The rows of the partial index ix_notes_unembedded, so the count reads that index, not the table.</summary>
    public Task<long> CountWithoutEmbeddingAsync(CancellationToken cancellationToken) =>
        db.Notes.LongCountAsync(n => EF.Property<Vector?>(n, Embedding) == null, cancellationToken);

    /// <summary>
    /// The lexical side: candidates from the GIN index on search_tokens (and the user's rows), only they scored; ordered
    /// as <see cref="NoteSearchHit.BestFirst"/>.
    /// </summary>
    internal static readonly string LexicalSql = $"""
        SELECT n.id, s.score
        FROM notes AS n
        CROSS JOIN LATERAL (SELECT {LexicalSearchSql.RankSql("@q", "n")} AS score) AS s
        WHERE n.user_id = @user AND (@category::text IS NULL OR n.category = @category::text)
          AND {LexicalSearchSql.CandidatesSql("@q", "n")}
          AND s.score >= @floor
        ORDER BY s.score DESC, n.created_at DESC, n.id DESC
        LIMIT @limit
        """;

    private sealed record LexicalMatch(Guid Id, double Score);

    private IQueryable<Note> Owned(string userId) => Owned(db, userId);

    private static IQueryable<Note> Owned(AppDbContext context, string userId) =>
        context.Notes.AsNoTracking().Where(n => n.UserId == userId);

    private static IQueryable<Note> InCategory(IQueryable<Note> notes, string? category) =>
        category is null ? notes : notes.Where(n => n.Category == category);
}
