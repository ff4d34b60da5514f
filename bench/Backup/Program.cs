using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NakamuraMisaki.Api.CommandLine;
using NakamuraMisaki.Api.CommandLine.Import;
using NakamuraMisaki.Infrastructure;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using NakamuraMisaki.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

// Backup benchmark: a durable throwaway cluster with the service's schema, N notes (default 100k) loaded by binary
// COPY (with an embedding for every K-th note, default every one), then the backup, restore and verify commands
// themselves, timed. Prints archive size, times, and restore rows/s. Usage:
//   dotnet run --project bench/Backup -c Release [-- notes [embedEvery]]     (embedEvery 0: no embeddings)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var notes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var embedEvery = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
Console.WriteLine($"notes {notes:N0}, embedded: {(embedEvery == 0 ? "none" : $"every {embedEvery}")} (vector(1536))");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

// Not CreateTempSubdirectory: its mode 700 would keep the 'postgres' user (the cluster's, when run as root) out.
var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nakamura-backup-bench-{Guid.NewGuid():N}")).FullName;
var cluster = await EmbeddedPostgresCluster.StartAsync(
    Path.Combine(root, "postgres"), new EmbeddedPostgresOptions { DatabaseName = "nakamura_bench" }, NullLogger.Instance);
try
{
    await MigrateAsync(cluster.ConnectionString);
    var seeding = Stopwatch.StartNew();
    await SeedNotesAsync(cluster.ConnectionString, notes, embedEvery);
    Console.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:N1} s");

    var archives = Path.Combine(root, "archives");
    var backup = await TimedAsync("backup", cluster.ConnectionString, "backup", "--to", archives);
    var archive = Directory.GetFiles(archives, "*.dump").Single();
    var bytes = new FileInfo(archive).Length;

    var target = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "nakamura_restored" }.ConnectionString;
    await using (var admin = new NpgsqlConnection(cluster.ConnectionString))
    {
        await admin.OpenAsync();
        await new NpgsqlCommand("CREATE DATABASE nakamura_restored", admin).ExecuteNonQueryAsync();
    }

    var restore = await TimedAsync("restore", target, "restore", archive);
    var verify = await TimedAsync("backup verify", cluster.ConnectionString, "backup", "verify", archive);

    Console.WriteLine();
    Console.WriteLine("| notes | embedded | archive MB | backup s | restore s | restore rows/s | verify s |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    var embedded = embedEvery == 0 ? 0 : (notes + embedEvery - 1) / embedEvery;
    Console.WriteLine($"| {notes:N0} | {embedded:N0} | {bytes / 1e6:N1} | {backup:N1} | {restore:N1} | {notes / restore:N0} | {verify:N1} |");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await cluster.DestroyAsync();
    if (Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }
}

static async Task<double> TimedAsync(string what, string connectionString, params string[] args)
{
    using var output = new StringWriter();
    var clock = Stopwatch.StartNew();
    var code = await CommandLineVerbs.RunAsync(args, ImportConsole.Plain(output), builder =>
        builder.Configuration["ConnectionStrings:Default"] = connectionString, CancellationToken.None);
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"{what}: {seconds:N1} s, exit {code}");
    if (code != 0)
    {
        throw new InvalidOperationException($"{what} failed:\n{output}");
    }

    return seconds;
}

static async Task MigrateAsync(string connectionString)
{
    await using var dataSource = NpgsqlDataSourceFactory.Create(connectionString, new DatabaseOptions { MinPoolSize = 0 });
    var options = new DbContextOptionsBuilder<AppDbContext>();
    DependencyInjection.ConfigureDbContext(options, dataSource, maxRetryCount: 0);
    await using var db = new AppDbContext(options.Options);
    await db.Database.MigrateAsync();
}

static async Task SeedNotesAsync(string connectionString, int count, int embedEvery)
{
    await using var dataSource = NpgsqlDataSourceFactory.Create(connectionString, new DatabaseOptions { MinPoolSize = 0 });
    await using var connection = await dataSource.OpenConnectionAsync();
    var random = new Random(13);
    var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    string[] categories = ["general", "decisions", "todos", "errors", "learnings", "code_changes"];
    await using (var writer = await connection.BeginBinaryImportAsync(
        "COPY notes (id, user_id, category, content, created_at, embedding, embedding_model) FROM STDIN (FORMAT BINARY)"))
    {
        writer.Timeout = TimeSpan.FromMinutes(30); // one long statement; the service's 30 s command timeout is for requests
        for (var i = 0; i < count; i++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await writer.WriteAsync($"U{random.Next(1000):D8}", NpgsqlDbType.Varchar);
            await writer.WriteAsync(categories[i % categories.Length], NpgsqlDbType.Varchar);
            await writer.WriteAsync($"ノート {i}: デプロイ手順の確認と設計の決定事項 {random.Next()} を記録する", NpgsqlDbType.Text);
            await writer.WriteAsync(start.AddSeconds(i), NpgsqlDbType.TimestampTz);
            if (embedEvery > 0 && i % embedEvery == 0)
            {
                var vector = new float[1536];
                for (var d = 0; d < vector.Length; d++)
                {
                    vector[d] = (float)(random.NextDouble() * 2 - 1);
                }

                await writer.WriteAsync(new Vector(vector));
                await writer.WriteAsync("bench-random", NpgsqlDbType.Varchar);
            }
            else
            {
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
            }
        }

        await writer.CompleteAsync();
    }
}
