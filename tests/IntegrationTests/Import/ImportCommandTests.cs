using System.Security.Cryptography;
using NakamuraMisaki.Api.CommandLine.Import;
using NakamuraMisaki.Import;
using Spectre.Console;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Import;

public sealed class ImportCommandTests(ApiFactory factory) : ImportTest(factory)
{
    [Theory]
    [InlineData(new string[0], "Name at least one source")]
    [InlineData(new[] { "--sessions", "/no/such/directory" }, "--sessions: no such directory")]
    [InlineData(new[] { "--agent-tasks", "/no/such/tasks.db" }, "--agent-tasks: no such file")]
    [InlineData(new[] { "--notes" }, "--notes needs a directory")]
    [InlineData(new[] { "--bogus" }, "Unknown argument '--bogus'")]
    public async Task A_wrong_command_line_exits_with_2_and_says_why(string[] args, string message)
    {
        var run = await Importer.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Output);
        Assert.Contains("Usage:", run.Output);
    }

    [Fact]
    public async Task Dry_run_and_verify_together_are_refused()
    {
        var run = await Importer.RunAsync("--agent-tasks", Stores.AgentTasksDatabase, "--dry-run", "--verify");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task An_unreachable_database_exits_with_3()
    {
        var run = await new ImportRunner("Host=127.0.0.1;Port=1;Username=x;Password=x;Timeout=2")
            .RunAsync("--agent-tasks", Stores.AgentTasksDatabase);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("The import could not finish", run.Output);
    }

    [Fact]
    public async Task The_old_stores_are_left_exactly_as_they_were()
    {
        var before = Fingerprint(Stores.Root);

        await Importer.RunAsync(Stores.AllSources);

        Assert.Equal(before, Fingerprint(Stores.Root));
    }

    [Fact]
    public async Task A_database_without_the_tasks_table_is_one_rejection_at_the_table()
    {
        File.Delete(Stores.AgentTasksDatabase);
        await File.WriteAllTextAsync(Stores.AgentTasksDatabase, "this is not SQLite");

        var run = await Importer.RunAsync("--agent-tasks", Stores.AgentTasksDatabase);

        var rejected = Assert.Single(run.Source(ImportSource.AgentTasks).Rejected);
        Assert.Equal("table tasks", rejected.Location.Position);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task On_a_terminal_progress_is_a_bar_with_counts_and_rate()
    {
        using var output = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        var connectionString = Factory.Database.ConnectionString;

        var result = await ImportCommand.RunAsync(["--agent-tasks", Stores.AgentTasksDatabase], new ImportConsole(output, terminal),
            builder => builder.Configuration["ConnectionStrings:Default"] = connectionString, CancellationToken.None);

        var screen = output.ToString();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("agent tasks", screen);
        Assert.Contains("new 2 · present 0 · conflicts 0 · rejected 5", screen);
        Assert.Contains("rows/s", screen);
        Assert.Contains("━", screen); // the bar
        Assert.Contains("Import report", screen);
    }

    /// <summary>Every file's path, size, modification time and content hash (a SQLite open that wrote would change one).</summary>
    private static string Fingerprint(string root) => string.Join('\n',
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));
}
