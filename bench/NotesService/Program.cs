using System.Diagnostics;
using System.Globalization;
using NakamuraMisaki.Bench.NotesSearch;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.IntegrationTests.Notes.Quality;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using static NakamuraMisaki.Application.Notes.Queries.SearchNotes.ReciprocalRankFusion;

// Service-level notes search benchmark (issue #28): GET /api/v1/notes/search through HTTP against the API that
// bench/NotesService/run.sh started (Release, Production, offline embedder), over notes of 20 users of whom one holds
// half, loaded by binary COPY. Per size and mode: p50/p95/p99, recall@10 against an exact answer, and the server's CPU
// per search (the API process, and all of PostgreSQL's). Also: --quality (the quality corpus's table) and --outage
// (hybrid searches while the provider is unreachable).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "");
string Option(string name) => options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
var quick = options.ContainsKey("quick");
var sizes = (options.GetValueOrDefault("notes") ?? (quick ? "2000" : "100000,300000")).Split(',').Select(int.Parse).ToArray();
var queryCount = int.Parse(options.GetValueOrDefault("queries") ?? (quick ? "40" : "200"), CultureInfo.InvariantCulture);
const int Users = 20;
var apiPid = int.Parse(Option("api-pid"), CultureInfo.InvariantCulture);
var postmasterPid = int.Parse(Option("postgres-pid"), CultureInfo.InvariantCulture);
using var api = new ServiceClient(Option("api"), Option("key"));
var sourceBuilder = new NpgsqlDataSourceBuilder(Option("connection"));
sourceBuilder.UseVector();
await using var dataSource = sourceBuilder.Build();
var embedder = new HashedNgramEmbeddingGenerator();
var corpus = new SyntheticCorpus(seed: 42);

if (options.ContainsKey("quality"))
{
    await QualityAsync();
    return;
}

var queries = BenchQueries(queryCount);
if (options.ContainsKey("outage"))
{
    await OutageAsync();
    return;
}

Console.WriteLine($"| notes | mode | p50 ms | p95 ms | p99 ms | recall@10 vs exact | API CPU ms/search | PostgreSQL CPU ms/search | answered as | load |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
foreach (var size in sizes)
{
    await LoadToAsync(size);
    var exact = new List<(Guid[] Vector, double Tenth, Guid[] Hybrid)>();
    foreach (var (user, text, _) in queries)
    {
        exact.Add(await ExactAsync(user, text));
    }

    foreach (var mode in new[] { "hybrid", "vector", "text" })
    {
        foreach (var (user, text, _) in queries.Take(20))
        {
            await api.SearchAsync(user, text, mode); // warm-up: JIT, pools, prepared statements, caches
        }

        var (apiCpu, pgCpu) = (CpuSeconds(p => p == apiPid), CpuSeconds(IsPostgres));
        var latencies = new List<double>();
        var recalls = new List<double>();
        var answeredAs = new HashSet<string>();
        for (var i = 0; i < queries.Length; i++)
        {
            var (ms, answered, hits) = await api.SearchAsync(queries[i].User, queries[i].Text, mode);
            latencies.Add(ms);
            answeredAs.Add(answered);
            recalls.Add(mode switch
            {
                // ann-benchmarks' recall: a hit as near as the exact 10th neighbour is a right answer (ties).
                "vector" => exact[i].Vector.Length == 0 ? 1
                    : Math.Min(hits.Count(h => h.Score >= exact[i].Tenth - 1e-6), exact[i].Vector.Length) / (double)exact[i].Vector.Length,
                "hybrid" => exact[i].Hybrid.Length == 0 ? 1
                    : hits.Select(h => h.Id).Intersect(exact[i].Hybrid).Count() / (double)exact[i].Hybrid.Length,
                _ => double.NaN, // the lexical side reads every candidate its index gives: exact by construction
            });
        }

        var apiMs = (CpuSeconds(p => p == apiPid) - apiCpu) * 1000 / queries.Length;
        var pgMs = (CpuSeconds(IsPostgres) - pgCpu) * 1000 / queries.Length;
        Console.WriteLine($"| {size:N0} | {mode} | {Percentile(latencies, 50):F1} | {Percentile(latencies, 95):F1} | " +
                          $"{Percentile(latencies, 99):F1} | {(mode == "text" ? "exact" : recalls.Average().ToString("F3"))} | " +
                          $"{apiMs:F2} | {pgMs:F2} | {string.Join("/", answeredAs)} | {Load()} |");
    }
}

return;

// 4 kinds, as the quality corpus has them, over the synthetic vocabulary; every other query is the big user's.
(string User, string Text, string Kind)[] BenchQueries(int count) => Enumerable.Range(0, count).Select(i =>
{
    var user = i % 2 == 0 ? User(0) : User(1 + corpus.Next(Users - 1));
    var phrase = corpus.Query();
    return (i % 4) switch
    {
        0 => (user, phrase, "exact term"),
        1 => (user, new[] { "本番", "障害", "ログ", "監視", "設計", "承認", "顧客", "期限" }[corpus.Next(8)], "short Japanese word"),
        2 => (user, string.Join(" ", phrase.Split(' ').Reverse()) + (phrase.Contains(' ') ? " notes" : "について"), "paraphrase"),
        _ => (user, Typo(phrase), "typo"),
    };
}).ToArray();

string Typo(string text) => text.Length < 4 ? text : text[..2] + text[3] + text[2] + text[4..];

async Task LoadToAsync(int target)
{
    var have = await ScalarAsync<long>("SELECT count(*) FROM notes");
    var clock = Stopwatch.StartNew();
    var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    await using (var connection = await dataSource.OpenConnectionAsync())
    await using (var writer = await connection.BeginBinaryImportAsync(
        "COPY notes (id, user_id, category, content, created_at, embedding, embedding_model) FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = (int)have; i < target; i++)
        {
            var content = corpus.Note();
            var createdAt = start.AddSeconds(i);
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7(createdAt), NpgsqlDbType.Uuid);
            await writer.WriteAsync(i % 2 == 0 ? User(0) : User(1 + i / 2 % (Users - 1)), NpgsqlDbType.Varchar);
            await writer.WriteAsync(corpus.Category(), NpgsqlDbType.Varchar);
            await writer.WriteAsync(content, NpgsqlDbType.Text);
            await writer.WriteAsync(createdAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(new Vector(embedder.Embed(content)));
            await writer.WriteAsync(HashedNgramEmbeddingGenerator.ModelId, NpgsqlDbType.Varchar);
        }

        await writer.CompleteAsync();
    }

    // The index the service's job builds (NoteVectorIndex), then statistics, as autovacuum would gather them.
    var index = new NakamuraMisaki.Infrastructure.Persistence.Vectors.NoteVectorIndex(HashedNgramEmbeddingGenerator.ModelId, 1536);
    await ExecuteAsync("SET maintenance_work_mem = '1GB'; " + index.CreateConcurrentlySql.Replace("CONCURRENTLY ", "", StringComparison.Ordinal) + "; ANALYZE notes");
    Console.Error.WriteLine($"loaded {target - have:N0} notes (COPY, offline embedding, index, ANALYZE) in {clock.Elapsed.TotalSeconds:F0} s");
}

// The exact answers: the user's 40 nearest by a scan that computes every distance, and the fusion of those with
// the lexical side's 40 (which is exact), by the service's own constants.
async Task<(Guid[] Vector, double Tenth, Guid[] Hybrid)> ExactAsync(string user, string text)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using (var off = new NpgsqlCommand("SET LOCAL enable_indexscan = off", connection, transaction))
    {
        await off.ExecuteNonQueryAsync();
    }

    await using var command = new NpgsqlCommand(
        "SELECT id, 1 - (embedding::vector(1536) <=> $1) FROM notes WHERE user_id = $2 AND embedding_model = $3 " +
        "AND vector_dims(embedding) = 1536 ORDER BY embedding::vector(1536) <=> $1, created_at DESC, id DESC LIMIT 40", connection, transaction)
    {
        Parameters = { new() { Value = new Vector(embedder.Embed(text.Trim())) }, new() { Value = user }, new() { Value = HashedNgramEmbeddingGenerator.ModelId } },
    };
    var vector = new List<(Guid Id, double Score)>();
    await using (var reader = await command.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            vector.Add((reader.GetGuid(0), reader.GetDouble(1)));
        }
    }

    var (_, _, lexical) = await api.SearchAsync(user, text, "text", limit: 40);
    var fused = vector.Select((h, rank) => (h.Id, Score: VectorWeight / (K + rank + 1)))
        .Concat(lexical.Select((h, rank) => (h.Id, Score: TextWeight / (K + rank + 1))))
        .GroupBy(h => h.Id).Select(g => (Id: g.Key, Score: g.Sum(h => h.Score)))
        .OrderByDescending(h => h.Score).Take(10).Select(h => h.Id).ToArray();
    var top = vector.Take(10).ToArray();
    return (top.Select(h => h.Id).ToArray(), top.Length == 0 ? 0 : top[^1].Score, fused);
}

async Task QualityAsync()
{
    const string Owner = "U0QUALITY1";
    var ids = new Dictionary<Guid, int>();
    for (var i = 0; i < QualityCorpus.Notes.Length; i++)
    {
        ids[await api.SaveAsync(Owner, QualityCorpus.Notes[i])] = i;
    }

    var measured = new List<QualityMetrics>();
    foreach (var mode in new[] { "hybrid", "vector", "text" })
    {
        var ranked = new List<(QualityCorpus.Query, int[])>();
        foreach (var query in QualityCorpus.Queries)
        {
            var (_, _, hits) = await api.SearchAsync(Owner, query.Text, mode);
            ranked.Add((query, hits.Where(h => ids.ContainsKey(h.Id)).Select(h => ids[h.Id]).ToArray()));
        }

        measured.Add(QualityMetrics.Measure(mode, ranked));
    }

    Console.WriteLine($"quality corpus: {QualityCorpus.Notes.Length} notes, {QualityCorpus.Queries.Length} queries, recall@{QualityMetrics.RecallDepth} and MRR");
    Console.WriteLine(QualityMetrics.Table(measured));
}

async Task OutageAsync()
{
    var latencies = new List<double>();
    var answeredAs = new HashSet<string>();
    foreach (var (user, text, _) in queries)
    {
        var (ms, answered, _) = await api.SearchAsync(user, text, "hybrid");
        latencies.Add(ms);
        answeredAs.Add(answered);
    }

    Console.WriteLine($"| provider unreachable | hybrid asked, answered {string.Join("/", answeredAs)} | first {latencies[0]:F1} ms | " +
                      $"then p50 {Percentile(latencies.Skip(1).ToList(), 50):F1} / p95 {Percentile(latencies.Skip(1).ToList(), 95):F1} / " +
                      $"p99 {Percentile(latencies.Skip(1).ToList(), 99):F1} ms | {Load()} |");
}

static string User(int i) => $"U0BENCH{i:D3}";

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

// utime + stime of the matching processes, in seconds (clock ticks of 1/100 s).
static double CpuSeconds(Func<int, bool> which) => Directory.EnumerateDirectories("/proc")
    .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1).Where(pid => pid > 0 && which(pid))
    .Sum(pid =>
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0; // the process ended meanwhile
        }
    });

bool IsPostgres(int pid)
{
    try
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return pid == postmasterPid || stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] == postmasterPid.ToString(CultureInfo.InvariantCulture);
    }
    catch (IOException)
    {
        return false;
    }
}

async Task<T> ScalarAsync<T>(string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return (T)(await command.ExecuteScalarAsync())!;
}

async Task ExecuteAsync(string sql)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}
