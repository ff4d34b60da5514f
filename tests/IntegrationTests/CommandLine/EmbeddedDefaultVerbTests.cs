using NakamuraMisaki.Application.Backups;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.CommandLine;

/// <summary>
/// Every verb as a user runs it after scripts/run.sh: the service's executable with no ConnectionStrings__Default, so
/// on the embedded default (here in a directory of the test's own), exit codes as docs/operations.md gives them, and
/// no stack trace for a condition the verb can name (issue #25 item 5).
/// </summary>
public sealed class EmbeddedDefaultVerbTests : IAsyncLifetime
{
    private readonly EmbeddedDefaultInstall _install = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _install.DisposeAsync();

    [Fact]
    public async Task Every_verb_runs_on_the_embedded_default_with_no_connection_string()
    {
        var backup = await RunAsync(0, "backup");
        var archive = backup.Output.Split('\n').Single(l => l.StartsWith("Archive:", StringComparison.Ordinal))
            ["Archive:".Length..].Trim().Split(" (")[0];

        Assert.Contains("The verify passed every check.", (await RunAsync(0, "backup", "verify", archive)).Output);
        Assert.Contains("FAIL archive checksum", (await RunAsync(1, "backup", "verify", Tampered(archive))).Output);
        Assert.Contains("Restored; every check passed.", (await RunAsync(0, "restore", archive)).Output);

        var exported = Path.Combine(_install.Root, "export");
        var export = await RunAsync(0, "export", "--to", exported);
        var importArgs = export.Output.Split('\n').Single(l => l.StartsWith("Exported.", StringComparison.Ordinal))
            .Split("import ")[1].Trim().Split(' ');
        await RunAsync(0, ["import", .. importArgs]);

        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var service = await _install.StartServiceAsync(url, new Dictionary<string, string> { ["Backup__Enabled"] = "false" });
        try
        {
            Assert.StartsWith("200 ", (await RunAsync(0, "healthcheck", url)).Output);
        }
        finally
        {
            await EmbeddedDefaultInstall.StopAsync(service);
        }

        Assert.Contains("Connection refused", (await RunAsync(1, "healthcheck", url)).Output);
    }

    [Fact]
    public async Task A_condition_a_verb_can_name_is_said_in_a_line_without_a_stack_trace()
    {
        var run = await _install.RunAsync(new Dictionary<string, string> { ["Backup__ClientBinDirectory"] = "/no/such/bin" }, "backup");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("The backup could not finish: No pg_dump/pg_restore in /no/such/bin", run.Output);
        Assert.False(run.PrintedStackTrace, run.ToString());
    }

    private async Task<ProcessRun> RunAsync(int exitCode, params string[] args)
    {
        var run = await _install.RunAsync(args);
        Assert.True(run.ExitCode == exitCode, $"{string.Join(' ', args)}: {run}");
        Assert.False(run.PrintedStackTrace, $"{string.Join(' ', args)}: {run}");
        return run;
    }

    /// <summary>A copy of the archive with one byte more, beside its unchanged manifest.</summary>
    private string Tampered(string archive)
    {
        var copy = Path.Combine(_install.Root, "tampered", Path.GetFileName(archive));
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(archive, copy);
        File.Copy(BackupManifest.PathFor(archive), BackupManifest.PathFor(copy));
        File.AppendAllText(copy, "x");
        return copy;
    }
}
