using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Bench.NotesSearch;
using NakamuraMisaki.Infrastructure.Embeddings;

// Notes search benchmark: 100k notes embedded by the offline embedder, loaded by binary COPY into the service's
// schema, the HNSW index built, then search latency (p50/p95) and recall@10 of the index against an exact scan, for
// the mean user and the worst one: user 0 holds half of all notes, the others share the rest (issue #28).
// Usage: dotnet run --project bench/NotesSearch -c Release [-- notes users queries]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var noteCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var userCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var queryCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
Console.WriteLine($"notes {noteCount}, users {userCount} (one holds half, the others {noteCount / 2 / (userCount - 1)} each), " +
                  $"queries {queryCount} per user kind, k {SearchScenario.K}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

await using var database = await BenchDatabase.StartAsync(loggerFactory.CreateLogger("bench"));
await database.DropSearchIndexesAsync();

var embedder = new HashedNgramEmbeddingGenerator();
var corpus = new SyntheticCorpus(seed: 42);
var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
var embedClock = Stopwatch.StartNew();
var notes = Enumerable.Range(0, noteCount).Select(i =>
{
    var content = corpus.Note();
    var createdAt = start.AddSeconds(i);
    return new BenchNote(Guid.CreateVersion7(createdAt), OwnerOf(i), corpus.Category(), content, createdAt, embedder.Embed(content));
}).ToList();
var embedTime = embedClock.Elapsed;
var copyTime = await database.CopyAsync(notes);
Console.WriteLine($"embed (offline, 1 thread): {embedTime.TotalSeconds:F1} s; COPY (binary): {copyTime.TotalSeconds:F1} s " +
                  $"({noteCount / copyTime.TotalSeconds:F0} rows/s)");
notes.Clear();

var meanUserQueries = Enumerable.Range(0, queryCount)
    .Select(_ => (User(1 + corpus.Next(userCount - 1)), embedder.Embed(corpus.Query()))).ToArray();
var worstUserQueries = Enumerable.Range(0, queryCount).Select(_ => (User(0), embedder.Embed(corpus.Query()))).ToArray();
Console.WriteLine($"table {await database.TableSizeAsync()}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
int[] efSearches = [40, 100, 200];

// The service's query (NoteReader.SearchByVectorAsync): the model's predicate and the cast its partial index is on.
const string Predicate = "embedding_model = 'hashed-ngram-v1' AND vector_dims(embedding) = 1536";
const string Float = "embedding::vector(1536) <=> $1";
const string Half = "embedding::halfvec(1536) <=> $1::halfvec(1536)";
string OneUser(string order) => $"SELECT id, {Float} FROM notes WHERE user_id = $2 AND {Predicate} ORDER BY {order} LIMIT 10";

Console.WriteLine();
Console.WriteLine("| index | HNSW build s | index size | scenario | hnsw.ef_search | p50 ms | p95 ms | recall@10 mean (vs exact float) | queries with recall@10 < 0.5 | id overlap mean | exact scan p50 / p95 ms |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
var plans = new List<string>();
foreach (var kind in new[] { IndexKind.Halfvec, IndexKind.Vector })
{
    var (build, size) = await database.BuildHnswIndexAsync(kind);
    var order = kind == IndexKind.Vector ? Float : Half;
    (string Name, SearchScenario Scenario, (string, float[])[] Queries)[] scenarios =
    [
        ("mean user, planner's choice", new("one user's notes", OneUser(order), perUser: true, exactSql: OneUser(Float)), meanUserQueries),
        ("mean user, HNSW forced (enable_sort = off)",
            new("one user's notes", OneUser(order), perUser: true, "SET LOCAL enable_sort = off;", exactSql: OneUser(Float)), meanUserQueries),
        ("worst user (half the notes), planner's choice",
            new("one user's notes", OneUser(order), perUser: true, exactSql: OneUser(Float)), worstUserQueries),
        ("worst user, HNSW forced (enable_sort = off)",
            new("one user's notes", OneUser(order), perUser: true, "SET LOCAL enable_sort = off;", exactSql: OneUser(Float)), worstUserQueries),
    ];
    foreach (var (name, scenario, scenarioQueries) in scenarios)
    {
        foreach (var (ef, result) in await scenario.RunAsync(database.DataSource, scenarioQueries, efSearches))
        {
            Console.WriteLine($"| {kind} | {build.TotalSeconds:F1} | {size} | {name} | {ef} | {result.P50:F1} | {result.P95:F1} | " +
                              $"{result.MeanRecall:F3} | {result.PoorShare:P1} | {result.MeanIdOverlap:F3} | {result.ExactP50:F1} / {result.ExactP95:F1} |");
            plans.Add($"{kind}, {name}, ef_search {ef}: {result.Plan}");
        }
    }

    if (kind == IndexKind.Halfvec)
    {
        await database.DropIndexAsync(BenchDatabase.HalfvecIndex);
    }
}

// A note save as the service does it with the offline embedder: embed, then one INSERT (autocommit) that maintains
// the HNSW index of the model. This cluster runs with fsync off: a durable server adds its commit flush.
var saves = await SaveLatency.MeasureAsync(database.DataSource, embedder, corpus, count: 200);
Console.WriteLine();
Console.WriteLine($"note save at {noteCount:N0} notes (embed + INSERT with the vector index): p50 {saves.P50:F1} ms, p95 {saves.P95:F1} ms");
Console.WriteLine();
plans.ForEach(p => Console.WriteLine("plan: " + p));
Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
return;

static string User(int i) => $"U0BENCH{i:D3}";

// Even notes are user 0's (half of all), the odd ones go round the others.
string OwnerOf(int i) => i % 2 == 0 ? User(0) : User(1 + i / 2 % (userCount - 1));
