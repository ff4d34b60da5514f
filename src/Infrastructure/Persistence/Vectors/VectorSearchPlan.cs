using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace NakamuraMisaki.Infrastructure.Persistence.Vectors;

/// <summary>
/// How one user's meaning search reads (ADR 0028, figures in bench/RESULTS.md): a user with few notes exactly (all of
/// their notes, by the user index, sorted by distance: recall 1, and at a few thousand notes no slower than the graph),
/// a user with many through the HNSW graph with a search list wide enough for recall@10 ≥ 0.95. "Few" is decided from
/// the statistics PostgreSQL keeps (its own row estimate for <c>user_id = $1</c>: the most-common-values list names
/// a large owner's share), not from a guess, and not left to the planner, whose cost model for a filtered graph
/// scan chose the graph for a user with 2.6 % of the notes and lost one result in twenty.
/// </summary>
internal static class VectorSearchPlan
{
    /// <summary>Up to this many notes (estimated) a user's notes are read exactly.</summary>
    public const int ExactScanMaxNotes = 5_000;

    /// <summary>The graph search's candidate list (pgvector's default is 40): 200 gave recall@10 ≥ 0.95 for a user
    /// holding half of 100k notes, where 40 gave 0.85.</summary>
    public const int EfSearch = 200;

    /// <summary>
    /// Plan every search for its own user: the statement is auto-prepared, and a generic plan (chosen once for any
    /// user) would be wrong for one of the two paths.
    /// </summary>
    private const string CustomPlan = "SET LOCAL plan_cache_mode = force_custom_plan;";

    /// <summary>No index scan at all: the user's rows come from a bitmap scan of their index (HNSW has none).</summary>
    private const string Exact = "SET LOCAL enable_indexscan = off;";

    private static readonly string Graph = $"SET LOCAL hnsw.ef_search = {EfSearch};";

    /// <summary>
    /// Iterative scans (pgvector 0.8) keep walking the graph until LIMIT rows pass the user/category filter;
    /// relaxed_order returns them nearly in order (the caller sorts the page exactly).
    /// </summary>
    private const string IterativeScan = "SET LOCAL hnsw.iterative_scan = relaxed_order;";

    /// <summary>The SET LOCALs for <paramref name="userId"/>'s search, inside the caller's transaction.</summary>
    public static async Task<string> SettingsAsync(DatabaseFacade database, string userId, bool iterativeScans, CancellationToken cancellationToken)
    {
        var estimate = await EstimatedNotesAsync(database, userId, cancellationToken);
        return estimate <= ExactScanMaxNotes ? CustomPlan + Exact
            : CustomPlan + Graph + (iterativeScans ? IterativeScan : "");
    }

    /// <summary>PostgreSQL's own estimate of the user's notes (pg_statistic: most common values, n_distinct).</summary>
    private static async Task<double> EstimatedNotesAsync(DatabaseFacade database, string userId, CancellationToken cancellationToken)
    {
        var connection = database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "EXPLAIN (FORMAT JSON) SELECT 1 FROM notes WHERE user_id = $1";
        var parameter = command.CreateParameter();
        parameter.Value = userId;
        command.Parameters.Add(parameter);
        var plan = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        using var json = JsonDocument.Parse(plan);
        return json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }
}
