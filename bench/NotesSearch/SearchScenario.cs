using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using Pgvector;

namespace NakamuraMisaki.Bench.NotesSearch;

/// <summary>
/// One query shape, run through the HNSW index and exactly (index scans off: a sequential or bitmap scan that
/// computes every distance), for latency and recall@k of the index against the exact answer.
/// </summary>
/// <param name="settings">SET LOCAL statements the indexed runs add (the service always sets the iterative scan).</param>
/// <param name="exactSql">The exact answer's query when it is not <paramref name="sql"/> (halfvec is measured against float).</param>
internal sealed partial class SearchScenario(string name, string sql, bool perUser, string settings = "", string? exactSql = null)
{
    public const int K = 10;

    /// <summary>
    /// As the service does: Npgsql prepares repeated statements, and a cached generic plan would ignore both the
    /// query's values and the SET LOCALs that distinguish the indexed run from the exact one.
    /// </summary>
    private const string CustomPlan = "SET LOCAL plan_cache_mode = force_custom_plan;";

    public string Name => name;

    public async Task<IReadOnlyList<(int EfSearch, ScenarioResult Result)>> RunAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<(string User, float[] Vector)> queries, IReadOnlyList<int> efSearches)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var exact = new List<List<(Guid Id, double Distance)>>();
        var exactLatencies = new List<double>();
        foreach (var query in queries)
        {
            var clock = Stopwatch.StartNew();
            exact.Add(await SearchAsync(connection, query, CustomPlan + "SET LOCAL enable_indexscan = off;", exactSql ?? sql));
            exactLatencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        var results = new List<(int, ScenarioResult)>();
        foreach (var ef in efSearches)
        {
            var indexed = $"{CustomPlan}SET LOCAL hnsw.ef_search = {ef}; SET LOCAL hnsw.iterative_scan = relaxed_order; {settings}";
            var plan = await ExplainAsync(connection, queries[0], indexed);
            foreach (var query in queries.Take(5))
            {
                await SearchAsync(connection, query, indexed, sql); // warm-up: caches and prepared plans
            }

            var latencies = new List<double>();
            var recalls = new List<double>();
            var idRecalls = new List<double>();
            for (var i = 0; i < queries.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                var approximate = await SearchAsync(connection, queries[i], indexed, sql);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                recalls.Add(Recall(approximate, exact[i]));
                idRecalls.Add(exact[i].Count == 0 ? 1
                    : (double)approximate.Select(r => r.Id).Intersect(exact[i].Select(r => r.Id)).Count() / exact[i].Count);
            }

            results.Add((ef, new ScenarioResult(
                Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), recalls.Average(),
                (double)recalls.Count(r => r < 0.5) / recalls.Count, idRecalls.Average(), plan,
                Percentiles.Of(exactLatencies, 50), Percentiles.Of(exactLatencies, 95))));
        }

        return results;
    }

    /// <summary>
    /// ann-benchmarks' recall: a result counts when it is as near as the exact k-th neighbour. Notes at exactly the
    /// same distance are equally right answers, and a corpus of shared words has many such ties, which an overlap of
    /// ids would count as misses.
    /// </summary>
    private static double Recall(List<(Guid Id, double Distance)> approximate, List<(Guid Id, double Distance)> exact)
    {
        if (exact.Count == 0)
        {
            return 1;
        }

        var threshold = exact[^1].Distance + 1e-6;
        return (double)Math.Min(approximate.Count(r => r.Distance <= threshold), exact.Count) / exact.Count;
    }

    private async Task<List<(Guid Id, double Distance)>> SearchAsync(
        NpgsqlConnection connection, (string User, float[] Vector) query, string setLocal, string text)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await SetAsync(connection, transaction, setLocal);
        await using var command = Command(connection, transaction, text, query);
        var rows = new List<(Guid, double)>(K);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetGuid(0), reader.GetDouble(1)));
            }
        }

        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>The plan's node lines, without the 1536 numbers of the query vector.</summary>
    private async Task<string> ExplainAsync(NpgsqlConnection connection, (string User, float[] Vector) query, string setLocal)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await SetAsync(connection, transaction, setLocal);
        await using var command = Command(connection, transaction, "EXPLAIN (COSTS OFF) " + sql, query);
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(VectorLiteral().Replace(reader.GetString(0).Trim(), "$1"));
            }
        }

        await transaction.RollbackAsync();
        return string.Join(" | ", lines);
    }

    private static async Task SetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string setLocal)
    {
        await using var set = new NpgsqlCommand(setLocal, connection, transaction);
        await set.ExecuteNonQueryAsync();
    }

    private NpgsqlCommand Command(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string text, (string User, float[] Vector) query)
    {
        var command = new NpgsqlCommand(text, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(query.Vector) });
        if (perUser)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = query.User });
        }

        return command;
    }

    [GeneratedRegex(@"'\[[^\]]*\]'::(half)?vec(tor)?")]
    private static partial Regex VectorLiteral();
}

/// <param name="MeanIdOverlap">Share of the exact answer's ids found, ties not counted: a lower bound.</param>
/// <param name="PoorShare">Share of queries whose recall@k is below 0.5: where the graph search got lost.</param>
/// <param name="ExactP50">The exact run's latency (index scans off; the first, cold run of each query).</param>
internal sealed record ScenarioResult(
    double P50, double P95, double MeanRecall, double PoorShare, double MeanIdOverlap, string Plan, double ExactP50, double ExactP95);
