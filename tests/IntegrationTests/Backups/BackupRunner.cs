using NakamuraMisaki.Api.CommandLine;
using NakamuraMisaki.Api.CommandLine.Import;

namespace NakamuraMisaki.IntegrationTests.Backups;

/// <summary>Runs a command-line verb in-process against a database, capturing what it prints.</summary>
public sealed class BackupRunner(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
{
    public async Task<CommandRun> RunAsync(params string[] args)
    {
        await using var output = new StringWriter();
        var exitCode = await CommandLineVerbs.RunAsync(args, ImportConsole.Plain(output), builder =>
        {
            builder.Configuration["ConnectionStrings:Default"] = connectionString;
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.Configuration[key] = value;
            }
        }, CancellationToken.None);
        return new CommandRun(exitCode, output.ToString());
    }
}

public sealed record CommandRun(int ExitCode, string Output)
{
    /// <summary>The archive a backup run printed ("Archive:   /path/x.dump (…").</summary>
    public string Archive => Output.Split('\n').Single(l => l.StartsWith("Archive:", StringComparison.Ordinal))
        ["Archive:".Length..].Trim().Split(" (")[0];
}
