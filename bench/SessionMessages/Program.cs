using System.Diagnostics;
using System.Globalization;
using NakamuraMisaki.Application.Sessions.Commands.CreateSession;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Application.Sessions.Messages.Commands.AppendSessionMessages;
using NakamuraMisaki.Application.Sessions.Messages.Queries.ListSessionMessages;
using NakamuraMisaki.Application.Sessions.Messages.Queries.SearchSessionMessages;
using NakamuraMisaki.Bench.SessionMessages;
using NakamuraMisaki.Domain.Sessions;
using static NakamuraMisaki.Bench.SessionMessages.MachineLoad;

// Session messages benchmark (issue #12), through the service's own use cases (mediator, validation, EF Core) on a
// throwaway durable cluster, without HTTP:
//   append throughput: single-message appends to one session (8 writers), and to 100 sessions (one writer each);
//   last=20 latency: on a session of 10,000 messages, then with the table grown to 1,000,000 messages;
//   message search (the notes' lexical engine) over the 1,000,000 messages, after building its token index.
// Usage: dotnet run --project bench/SessionMessages -c Release [-- appendsPerScenario totalMessages reads]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var appends = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var totalMessages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var reads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
const string User = "U0BENCH01";
const int BigSession = 10_000;
Console.WriteLine($"appends per scenario {appends:N0}, table {totalMessages:N0} messages, reads {reads:N0}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {Now()}");

var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nakamura-messages-bench-{Guid.NewGuid():N}")).FullName;
await using var host = await BenchHost.StartAsync(Path.Combine(root, "postgres"), durable: true, User);
var texts = new SyntheticTexts(seed: 7);

await host.SendAsync(new CreateSession("one", null, null, null));
for (var s = 0; s < 100; s++)
{
    await host.SendAsync(new CreateSession($"s{s:D3}", null, null, null));
}

Console.WriteLine();
Console.WriteLine("| append scenario | writers | messages | seconds | messages/s | load |");
Console.WriteLine("|---|---|---|---|---|---|");
await AppendScenarioAsync("one session", 8, _ => "one");
await AppendScenarioAsync("100 sessions in parallel", 100, w => $"s{w:D3}");

// Reads. The lexical token index is dropped for the bulk load and built once after it (timed), and the rows are
// generated inside the server: the figures are about the read path, not the loading.
await host.ExecuteAsync("DROP INDEX ix_session_messages_search_tokens");
await host.ExecuteAsync(Fill("big", BigSession) + "; ANALYZE session_messages; ANALYZE sessions");
Console.WriteLine();
Console.WriteLine("| last=20 on | table messages | p50 ms | p95 ms | p99 ms | load |");
Console.WriteLine("|---|---|---|---|---|---|");
await ReadScenarioAsync($"a session of {BigSession:N0}", _ => "big");

var clock = Stopwatch.StartNew();
var fillers = Math.Max(0, (totalMessages - BigSession - 2 * appends) / 1_000);
for (var from = 0; from < fillers; from += 100)
{
    await host.ExecuteAsync(string.Join("; ", Enumerable.Range(from, Math.Min(100, fillers - from)).Select(f => Fill($"f{f:D5}", 1_000))));
}

await host.ExecuteAsync("VACUUM ANALYZE session_messages; ANALYZE sessions");
Console.WriteLine($"(filled {fillers:N0} sessions of 1,000 in {clock.Elapsed.TotalSeconds:F0} s)");
var rows = await ScalarAsync("SELECT count(*) FROM session_messages");
clock.Restart();
await host.ExecuteAsync("CREATE INDEX ix_session_messages_search_tokens ON session_messages USING gin (search_tokens)");
Console.WriteLine($"(the lexical token index over {rows:N0} messages built in {clock.Elapsed.TotalSeconds:F0} s)");
await SearchScenarioAsync(rows);
await ReadScenarioAsync($"a session of {BigSession:N0}", _ => "big", rows);
await ReadScenarioAsync("random sessions of 1,000", i => $"f{i * 7919 % Math.Max(1, fillers):D5}", rows);
Console.WriteLine();
foreach (var plan in new[] { "big", "f00000" })
{
    Console.WriteLine($"plan for {plan}: " + await PlanAsync(plan));
}

Console.WriteLine("table size: " + await ScalarTextAsync(
    "SELECT pg_size_pretty(pg_total_relation_size('session_messages'))"));
return;

async Task AppendScenarioAsync(string name, int writers, Func<int, string> sessionOf)
{
    var perWriter = appends / writers;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
    {
        for (var i = 0; i < perWriter; i++)
        {
            await host.SendAsync(new AppendSessionMessage(
                sessionOf(w), i % 2 == 0 ? MessageRole.User : MessageRole.Assistant, texts.Message(), null, null));
        }
    }));
    var seconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine($"| {name} | {writers} | {perWriter * writers:N0} | {seconds:F1} | {perWriter * writers / seconds:N0} | {Now()} |");
}

async Task ReadScenarioAsync(string name, Func<int, string> sessionOf, long? tableRows = null)
{
    for (var i = 0; i < 200; i++)
    {
        await host.SendAsync(new ListSessionMessages(sessionOf(i), null, null, 20)); // warm-up
    }

    var samples = new List<double>(reads);
    for (var i = 0; i < reads; i++)
    {
        var watch = Stopwatch.StartNew();
        var page = await host.SendAsync(new ListSessionMessages(sessionOf(i), null, null, 20));
        samples.Add(watch.Elapsed.TotalMilliseconds);
        if (page.Items.Count != 20)
        {
            throw new InvalidOperationException($"{sessionOf(i)}: {page.Items.Count} messages, expected 20");
        }
    }

    var size = tableRows ?? await ScalarAsync("SELECT count(*) FROM session_messages");
    Console.WriteLine($"| {name} | {size:N0} | {Format(Percentile(samples, 50))} | {Format(Percentile(samples, 95))} | " +
                      $"{Format(Percentile(samples, 99))} | {Now()} |");
}

// Message search (the lexical engine) over the user's whole history: a word every filler holds, a rarer pair, and
// words no message holds, each as the bot would send it.
async Task SearchScenarioAsync(long tableRows)
{
    Console.WriteLine();
    Console.WriteLine("| message search for | table messages | searches | p50 ms | p95 ms | p99 ms | load |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var query in new[] { "移行手順", "DB", "存在しない単語" })
    {
        var samples = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            await host.SendAsync(new SearchSessionMessages(query, null, 10));
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"| {query} | {tableRows:N0} | {samples.Count} | {Format(Percentile(samples, 50))} | " +
                          $"{Format(Percentile(samples, 95))} | {Format(Percentile(samples, 99))} | {Now()} |");
    }
}

// A session of the bench user with `count` messages of 40-400 characters, seqs 1..count.
static string Fill(string sessionId, int count) =>
    $"INSERT INTO sessions (session_id, user_id, title, workspace_path, message_count, is_active, options, created_at, " +
    $"last_active, last_message_seq) VALUES ('{sessionId}', '{User}', 'bench', NULL, {count}, true, '{{}}', now(), now(), {count}); " +
    "INSERT INTO session_messages (session_id, seq, role, content, metadata, created_at) " +
    $"SELECT '{sessionId}', n, CASE WHEN n % 2 = 0 THEN 'assistant' ELSE 'user' END, " +
    "repeat('本番DBの移行手順を確認します。', 2 + (n * 37) % 28), '{}', now() FROM generate_series(1, " + count + ") n";

// The statement ListLastAsync sends (EF Core's SQL, parameters inlined), as the server runs it.
async Task<string> PlanAsync(string sessionId)
{
    await using var command = host.DataSource.CreateCommand(
        "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT s.session_id, s.seq, s.content, s.created_at, s.idempotency_key, " +
        $"s.metadata, s.role, s.slack_ts FROM session_messages AS s WHERE s.session_id = '{sessionId}' ORDER BY s.seq DESC LIMIT 20");
    await using var reader = await command.ExecuteReaderAsync();
    var lines = new List<string>();
    while (await reader.ReadAsync())
    {
        lines.Add(reader.GetString(0).Trim());
    }

    return string.Join(" | ", lines);
}

async Task<long> ScalarAsync(string sql)
{
    await using var command = host.DataSource.CreateCommand(sql);
    return (long)(await command.ExecuteScalarAsync())!;
}

async Task<string> ScalarTextAsync(string sql)
{
    await using var command = host.DataSource.CreateCommand(sql);
    return (string)(await command.ExecuteScalarAsync())!;
}
