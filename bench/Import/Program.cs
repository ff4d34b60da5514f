using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NakamuraMisaki.Api.CommandLine.Import;
using NakamuraMisaki.Import;
using NakamuraMisaki.Bench.Import;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using Npgsql;

// Import benchmark: generates old-format stores (default 100k agent tasks, 50k notes, 10k sessions of 20 messages
// each), imports them into
// a throwaway cluster with the service's schema through the import command itself (binary COPY, offline embedder),
// then imports them again (everything already present) and prints rows/s per source for both runs.
// Usage: dotnet run --project bench/Import -c Release [-- agentTasks notes sessions messagesPerSession]
// With ConnectionStrings__Default set, that (migrated) database is used instead: its import tables should be empty.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var agentTasks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var notes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
var sessions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
var messagesPerSession = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
Console.WriteLine($"agent tasks {agentTasks:N0}, notes {notes:N0}, sessions {sessions:N0} of {messagesPerSession} messages");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {Load()}");

// Not CreateTempSubdirectory: its mode 700 would keep the 'postgres' user (the cluster's, when run as root) out.
var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nakamura-import-bench-{Guid.NewGuid():N}")).FullName;
EmbeddedPostgresCluster? cluster = null;
try
{
    var generator = new OldStoreGenerator(Path.Combine(root, "old"));
    generator.WriteSessions(sessions, messagesPerSession);
    generator.WriteNotes(notes);
    generator.WriteAgentTasks(agentTasks);

    var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default");
    if (string.IsNullOrWhiteSpace(connectionString))
    {
        // Durable (fsync on), as a production server: every batch commit waits for the disk.
        cluster = await EmbeddedPostgresCluster.StartAsync(
            Path.Combine(root, "postgres"), new EmbeddedPostgresOptions { DatabaseName = "nakamura_bench" }, NullLogger.Instance);
        connectionString = cluster.ConnectionString;
    }

    string[] importArgs =
    [
        "--sessions", generator.SessionsDirectory, "--notes", generator.NotesDirectory, "--agent-tasks", generator.AgentTasksDatabase,
    ];
    var first = await RunAsync("first run (everything new)");
    var second = await RunAsync("second run (everything already present)");

    Console.WriteLine();
    Console.WriteLine($"| source | rows | first run rows/s | second run rows/s | ({Load()}) |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (var source in first.Sources)
    {
        var again = second.Sources.Single(s => s.Source == source.Source);
        Console.WriteLine($"| {source.Source.Name()} | {source.Read:N0} | {source.RowsPerSecond:N0} | {again.RowsPerSecond:N0} | |");
    }

    async Task<ImportReport> RunAsync(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        var result = await ImportCommand.RunAsync(importArgs, ImportConsole.Plain(Console.Out), builder =>
        {
            builder.Configuration["ConnectionStrings:Default"] = connectionString;
            builder.Configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.MigrateOnStartup)}"] = "true";
        }, CancellationToken.None);
        return result.Report ?? throw new InvalidOperationException($"The import failed with exit code {result.ExitCode}.");
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (cluster is not null)
    {
        await cluster.DestroyAsync(); // stops the server and deletes its directory, which the 'postgres' user owns
    }

    Directory.Delete(root, recursive: true);
}

// The machine is shared: its load average goes beside every figure.
static string Load() => File.Exists("/proc/loadavg")
    ? "load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
    : "load unknown";
