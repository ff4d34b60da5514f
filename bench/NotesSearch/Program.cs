using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Bench.NotesSearch;
using NakamuraMisaki.Infrastructure.Embeddings;

// Notes search benchmark: 100k notes embedded by the offline embedder, loaded by binary COPY into the service's
// schema, the HNSW index built, then search latency (p50/p95) and recall@10 of the index against an exact scan.
// Usage: dotnet run --project bench/NotesSearch -c Release [-- notes users queries]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var noteCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var userCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var queryCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
Console.WriteLine($"notes {noteCount}, users {userCount} ({noteCount / userCount} notes each), queries {queryCount}, k {SearchScenario.K}");
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
    return new BenchNote(Guid.CreateVersion7(createdAt), User(i % userCount), corpus.Category(), content, createdAt, embedder.Embed(content));
}).ToList();
var embedTime = embedClock.Elapsed;
var copyTime = await database.CopyAsync(notes);
Console.WriteLine($"embed (offline, 1 thread): {embedTime.TotalSeconds:F1} s; COPY (binary): {copyTime.TotalSeconds:F1} s " +
                  $"({noteCount / copyTime.TotalSeconds:F0} rows/s)");
notes.Clear();

var buildTime = await database.BuildHnswIndexAsync();
Console.WriteLine($"HNSW build (m 16, ef_construction 64, 1 parallel worker): {buildTime.TotalSeconds:F1} s; {await database.SizesAsync()}");

var queries = Enumerable.Range(0, queryCount).Select(_ => (User(corpus.Next(userCount)), embedder.Embed(corpus.Query()))).ToArray();

// The unfiltered search (the index's own quality), the service's query (NoteReader.SearchByVectorAsync) as the
// planner runs it, and the same with the HNSW path forced (what a user owning a large share of the notes gets: for a
// user with 5k of 100k notes the planner reads them through the user_id index and sorts them, which is exact).
const string ServiceQuery = "SELECT id, embedding <=> $1 FROM notes WHERE user_id = $2 AND embedding_model = 'hashed-ngram-v1' " +
                            "ORDER BY embedding <=> $1 LIMIT 10";
SearchScenario[] scenarios =
[
    // Sequential scans off: at ef_search 100 the planner prefers an exact parallel scan of 100k notes, and this row
    // is about the index.
    new("all notes (HNSW forced: enable_seqscan = off)", "SELECT id, embedding <=> $1 FROM notes ORDER BY embedding <=> $1 LIMIT 10",
        perUser: false, "SET LOCAL enable_seqscan = off;"),
    new("one user's notes (the service's query, planner's choice)", ServiceQuery, perUser: true),
    new("one user's notes, HNSW forced (enable_sort = off)", ServiceQuery, perUser: true, "SET LOCAL enable_sort = off;"),
];
int[] efSearches = [40, 100];
Console.WriteLine();
Console.WriteLine("| scenario | hnsw.ef_search | p50 ms | p95 ms | recall@10 mean | queries with recall@10 < 0.5 | id overlap mean |");
Console.WriteLine("|---|---|---|---|---|---|---|");
var plans = new List<string>();
foreach (var scenario in scenarios)
{
    foreach (var (ef, result) in await scenario.RunAsync(database.DataSource, queries, efSearches))
    {
        Console.WriteLine($"| {scenario.Name} | {ef} | {result.P50:F1} | {result.P95:F1} | {result.MeanRecall:F3} | " +
                          $"{result.PoorShare:P1} | {result.MeanIdOverlap:F3} |");
        plans.Add($"{scenario.Name}, ef_search {ef}: {result.Plan}");
    }
}

Console.WriteLine();
plans.ForEach(p => Console.WriteLine("plan: " + p));
return;

static string User(int i) => $"U0BENCH{i:D3}";
