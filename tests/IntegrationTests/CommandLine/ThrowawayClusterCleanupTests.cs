using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.CommandLine;

/// <summary>
/// No PostgreSQL outlives the service that started it (issue #25 item 6): the scheduled backup's verification cluster
/// is stopped and removed when the service stops in the middle of it, and one left by a killed process is removed
/// when the service starts. Alone in its collection, run with nothing in parallel: every start of a service or a verb
/// removes a dead owner's leftovers, so another test starting one would remove them before the start under test.
/// </summary>
[Collection(Name)]
public sealed class ThrowawayClusterCleanupTests : IAsyncLifetime
{
    public const string Name = "Throwaway cluster clean-up";

    private readonly EmbeddedDefaultInstall _install = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _install.DisposeAsync();

    [Fact]
    public async Task Stopping_the_service_while_it_verifies_a_backup_leaves_no_postgres_and_no_directory()
    {
        // On the embedded default the scheduled backup is on, and its first pass (backup, then verify) runs at start.
        var service = await _install.StartServiceAsync($"http://127.0.0.1:{FreePort.Next()}");
        var ownPrefix = $"{ThrowawayClusters.Prefix}{service.Id}-";
        string? verifying = null;
        for (var deadline = DateTime.UtcNow.AddMinutes(2); verifying is null && DateTime.UtcNow < deadline; await Task.Delay(20))
        {
            verifying = Directory.EnumerateDirectories(Path.GetTempPath(), ownPrefix + "*").FirstOrDefault();
        }

        Assert.True(verifying is not null, $"No verification cluster appeared:\n{_install.Log}");
        await EmbeddedDefaultInstall.StopAsync(service);

        Assert.Empty(Directory.EnumerateDirectories(Path.GetTempPath(), ownPrefix + "*"));
        Assert.False(EmbeddedDefaultInstall.AnyProcessMentions(verifying!), $"A server of {verifying} still runs.\n{_install.Log}");
        Assert.False(EmbeddedDefaultInstall.AnyProcessMentions(_install.Root), "The service's own cluster still runs.");
    }

    [Fact]
    public async Task A_start_removes_the_throwaway_clusters_of_a_process_that_was_killed()
    {
        var deadOwner = await EndedProcessIdAsync();
        // What kill -9 leaves in the middle of a verification: a running server, and a directory without one.
        var running = await EmbeddedPostgresCluster.StartAsync(Throwaway(deadOwner),
            new EmbeddedPostgresOptions { Durable = false }, NullLogger.Instance);
        var stopped = Directory.CreateDirectory(Throwaway(deadOwner)).FullName;
        // One whose owner still runs (this test process) is not a leftover.
        var live = Directory.CreateDirectory(Throwaway(Environment.ProcessId)).FullName;
        try
        {
            var service = await _install.StartServiceAsync($"http://127.0.0.1:{FreePort.Next()}",
                new Dictionary<string, string> { ["Backup__Enabled"] = "false" });
            await EmbeddedDefaultInstall.StopAsync(service);

            Assert.False(Directory.Exists(running.Server.Root), _install.Log.ToString());
            Assert.False(EmbeddedDefaultInstall.AnyProcessMentions(running.Server.Root));
            Assert.False(Directory.Exists(stopped));
            Assert.True(Directory.Exists(live));
        }
        finally
        {
            await running.DestroyAsync();
            Directory.Delete(live);
        }
    }

    private static string Throwaway(int owner) =>
        Path.Combine(Path.GetTempPath(), $"{ThrowawayClusters.Prefix}{owner}-{Guid.NewGuid():N}");

    private static async Task<int> EndedProcessIdAsync()
    {
        using var process = Process.Start("true") ?? throw new InvalidOperationException("Could not start true.");
        await process.WaitForExitAsync();
        return process.Id;
    }
}

[CollectionDefinition(ThrowawayClusterCleanupTests.Name, DisableParallelization = true)]
public sealed class ThrowawayClusterCleanupCollection;
