using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Notes;
using NakamuraMisaki.Infrastructure.Database;
using Pgvector;
using Pgvector.EntityFrameworkCore;
using static NakamuraMisaki.Infrastructure.Persistence.Configurations.NoteConfiguration;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

/// <remarks>
/// Lists and searches read through <see cref="StaleTolerantReads"/> (a standby when one is configured); a note by id
/// (read right after its save) and the embedding backlog (which a write follows) read the primary.
/// </remarks>
public sealed class NoteReader(AppDbContext db, StaleTolerantReads reads, PgvectorFeatures pgvector) : INoteReader
{
    /// <summary>
    /// Plan every search for its own user: reading a small user's notes by user_id and sorting them is exact and
    /// fast, while a user with many notes needs the HNSW index. The statement is auto-prepared, and a generic plan
    /// (chosen once for any user) would be wrong for one of the two.
    /// </summary>
    private const string CustomPlan = "SET LOCAL plan_cache_mode = force_custom_plan;";

    /// <summary>
    /// An HNSW scan hands ef_search (40) candidates to the user/category filter, so a user owning a small share of
    /// the notes near the query could get too few or none. Iterative scans (pgvector 0.8) keep walking the graph until
    /// LIMIT rows pass the filter; relaxed_order returns them nearly in order (sorted exactly below).
    /// </summary>
    private const string IterativeScan = "SET LOCAL hnsw.iterative_scan = relaxed_order;";

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
        // Only vectors of the query's model are comparable with it; this also leaves out notes with no embedding.
        var candidates = InCategory(Owned(reads.Db, userId), category)
            .Where(n => EF.Property<string?>(n, EmbeddingModel) == query.Model)
            .OrderBy(n => EF.Property<Vector>(n, Embedding).CosineDistance(vector))
            .Take(limit)
            .Select(n => new ScoredNote { Note = n, Score = 1 - EF.Property<Vector>(n, Embedding).CosineDistance(vector) })
            .Select(NoteProjections.Hit);

        // SET LOCAL needs a transaction, and a transaction under a retrying execution strategy must be one retriable
        // unit: the whole block is re-run on a transient failure.
        var iterative = await pgvector.HasIterativeScansAsync(cancellationToken);
        var database = reads.Db.Database;
        var hits = await database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await database.BeginTransactionAsync(token);
            await database.ExecuteSqlRawAsync(iterative ? CustomPlan + IterativeScan : CustomPlan, token);

            var rows = await candidates.ToListAsync(token);
            await transaction.CommitAsync(token);
            return rows;
        }, cancellationToken);

        // relaxed_order may return neighbours slightly out of order; the page is small, so order it exactly here.
        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Id).ToArray();
    }

    public async Task<IReadOnlyList<NoteSearchHit>> SearchByTextAsync(
        string userId, string query, string? category, int limit, CancellationToken cancellationToken) =>
        await InCategory(Owned(reads.Db, userId), category)
            .MatchingText(n => n.Content, query)
            .ThenByDescending(x => x.Row.CreatedAt)
            .Take(limit)
            .Select(x => new ScoredNote { Note = x.Row, Score = x.Score })
            .Select(NoteProjections.Hit)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<NoteToEmbed>> ListToEmbedAsync(
        EmbeddingBacklog backlog, string model, Guid? afterId, int limit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var notBackedOff = Timestamps.Normalize(now);
        var notes = backlog switch
        {
            EmbeddingBacklog.Missing => db.Notes.Where(n => EF.Property<Vector?>(n, Embedding) == null
                && (EF.Property<DateTimeOffset?>(n, EmbeddingRetryAt) == null
                    || EF.Property<DateTimeOffset?>(n, EmbeddingRetryAt) <= notBackedOff)),
            // IS DISTINCT FROM: notes without any embedding are behind the configured model too.
            EmbeddingBacklog.NotCurrentModel => db.Notes.Where(n => EF.Property<string?>(n, EmbeddingModel) != model),
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

    private IQueryable<Note> Owned(string userId) => Owned(db, userId);

    private static IQueryable<Note> Owned(AppDbContext context, string userId) =>
        context.Notes.AsNoTracking().Where(n => n.UserId == userId);

    private static IQueryable<Note> InCategory(IQueryable<Note> notes, string? category) =>
        category is null ? notes : notes.Where(n => n.Category == category);
}
