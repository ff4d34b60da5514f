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
internal sealed partial class SearchScenario(string name, string sql, bool perUser, string settings = "")
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
        var exact = new List<List<Guid>>();
        foreach (var query in queries)
        {
            exact.Add(await SearchAsync(connection, query, CustomPlan + "SET LOCAL enable_indexscan = off;"));
        }

        var results = new List<(int, ScenarioResult)>();
        foreach (var ef in efSearches)
        {
            var indexed = $"{CustomPlan}SET LOCAL hnsw.ef_search = {ef}; SET LOCAL hnsw.iterative_scan = relaxed_order; {settings}";
            var plan = await ExplainAsync(connection, queries[0], indexed);
            foreach (var query in queries.Take(5))
            {
                await SearchAsync(connection, query, indexed); // warm-up: caches and prepared plans
            }

            var latencies = new List<double>();
            var recalls = new List<double>();
            for (var i = 0; i < queries.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                var approximate = await SearchAsync(connection, queries[i], indexed);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                recalls.Add(exact[i].Count == 0 ? 1 : (double)approximate.Intersect(exact[i]).Count() / exact[i].Count);
            }

            results.Add((ef, new ScenarioResult(
                Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), recalls.Average(), recalls.Min(), plan)));
        }

        return results;
    }

    private async Task<List<Guid>> SearchAsync(NpgsqlConnection connection, (string User, float[] Vector) query, string setLocal)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await SetAsync(connection, transaction, setLocal);
        await using var command = Command(connection, transaction, sql, query);
        var ids = new List<Guid>(K);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        await transaction.CommitAsync();
        return ids;
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

    [GeneratedRegex(@"'\[[^\]]*\]'::vector")]
    private static partial Regex VectorLiteral();
}

internal sealed record ScenarioResult(double P50, double P95, double MeanRecall, double MinRecall, string Plan);
