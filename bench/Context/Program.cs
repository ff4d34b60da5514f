using System.Diagnostics;
using System.Globalization;
using NakamuraMisaki.Application.Context.Queries.GetContext;
using NakamuraMisaki.Application.Notes.Commands.EnsureNoteVectorIndex;
using NakamuraMisaki.Application.Notes.Commands.ReEmbedNotes;
using NakamuraMisaki.Bench.Context;
using NakamuraMisaki.Bench.SessionMessages;
using static NakamuraMisaki.Bench.SessionMessages.MachineLoad;

// Context benchmark (issue #29): POST /api/v1/context's use case (mediator, validation, every source, tokenizer,
// packing; no HTTP) on a throwaway durable cluster holding 100k notes and 1M messages, of which the acting user has
// 10k notes and 100k messages (100 sessions of 1,000), plus due tasks and pending hand-offs; a 4,000-token budget.
// Usage: dotnet run --project bench/Context -c Release [-- --quick] [requests]
//   --quick: a thousandth of the data and 50 requests, to check that it runs.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
var scale = quick ? 1_000 : 1;
var requests = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } r
    ? int.Parse(r, CultureInfo.InvariantCulture)
    : quick ? 50 : 2_000;
const string User = "U0BENCH01";
const int Budget = 4_000;
var notes = 100_000 / scale;
var userNotes = 10_000 / scale;
var sessions = Math.Max(2, 1_000 / scale);
var userSessions = Math.Max(1, 100 / scale);
const int MessagesPerSession = 1_000;
Console.WriteLine($"notes {notes:N0} ({userNotes:N0} the user's), messages {sessions * MessagesPerSession:N0} " +
                  $"({userSessions * MessagesPerSession:N0} the user's), budget {Budget} tokens, requests {requests:N0}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {Now()}");

var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nakamura-context-bench-{Guid.NewGuid():N}")).FullName;
await using var host = await BenchHost.StartAsync(Path.Combine(root, "postgres"), durable: true, User);

var clock = Stopwatch.StartNew();
await host.ExecuteAsync(ContextSeedSql.Notes(notes, userNotes, User));
for (var s = 0; s < sessions; s += 20)
{
    await host.ExecuteAsync(string.Join("; ", Enumerable.Range(s, Math.Min(20, sessions - s))
        .Select(i => ContextSeedSql.Session($"s{i:D5}", i < userSessions ? User : $"U0OTHER{i % 50:D2}", MessagesPerSession))));
}

await host.ExecuteAsync(ContextSeedSql.TasksAndHandoffs(User));
Console.WriteLine($"loaded in {clock.Elapsed.TotalSeconds:F0} s; {Now()}");

// Embed every note with the configured (offline) embedder, as the service's re-embed does, then build its index.
clock.Restart();
Guid? after = null;
while (true)
{
    var pass = await host.SendAsync(new ReEmbedNotes(after, 5_000, 256));
    after = pass.NextAfter;
    if (pass.Done)
    {
        break;
    }
}

await host.SendAsync(new EnsureNoteVectorIndex());
await host.ExecuteAsync("VACUUM ANALYZE");
Console.WriteLine($"embedded and indexed in {clock.Elapsed.TotalSeconds:F0} s; {Now()}");

string[] queries = ["本番DBの移行手順", "デプロイのロールバック", "障害対応の連絡先", "OOM killer", "週次レポートの締め切り", "移行リハーサルの結果"];
GetContext Request(int i) => new(queries[i % queries.Length], $"s{i % userSessions:D5}", Budget);
for (var i = 0; i < Math.Min(100, requests); i++)
{
    await host.SendAsync(Request(i)); // warm-up: tokenizers, plans, pools
}

var samples = new List<double>(requests);
var used = 0L;
for (var i = 0; i < requests; i++)
{
    var watch = Stopwatch.StartNew();
    var context = await host.SendAsync(Request(i));
    samples.Add(watch.Elapsed.TotalMilliseconds);
    used += context.UsedTokens;
    if (context.UsedTokens > Budget || context.Items.Count == 0)
    {
        throw new InvalidOperationException($"request {i}: {context.Items.Count} items, {context.UsedTokens} tokens");
    }
}

Console.WriteLine();
Console.WriteLine("| scenario | requests | mean used tokens | p50 ms | p95 ms | p99 ms | load |");
Console.WriteLine("|---|---|---|---|---|---|---|");
Console.WriteLine($"| one user's context, {Budget} tokens, o200k_base | {requests:N0} | {used / requests:N0} | " +
                  $"{Format(Percentile(samples, 50))} | {Format(Percentile(samples, 95))} | {Format(Percentile(samples, 99))} | {Now()} |");
