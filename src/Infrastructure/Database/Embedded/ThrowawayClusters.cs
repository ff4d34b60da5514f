using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace NakamuraMisaki.Infrastructure.Database.Embedded;

/// <summary>
/// The clusters a process makes for a moment (the backup verification's), each in the temporary directory as
/// <c>nakamura-verify-&lt;owner PID&gt;-&lt;id&gt;</c>. One is removed when its work ends, whatever ended it; those
/// still there when the host is disposed (the service stopping, a verb interrupted) are removed then; and those of a
/// process that is gone (kill -9, a crash, a power cut) are removed by <see cref="RemoveLeftoversAsync"/> when the
/// service or a verb starts. A directory whose owner still runs is never touched.
/// </summary>
public sealed class ThrowawayClusters(ILogger<ThrowawayClusters> logger) : IAsyncDisposable
{
    public const string Prefix = "nakamura-verify-";

    private readonly ConcurrentDictionary<string, PostgresServer> _live = new();

    /// <summary>A new cluster (fsync off) with <paramref name="database"/>; removed again if it cannot be started.</summary>
    public async Task<EmbeddedPostgresCluster> StartAsync(string database, string? binDirectory, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        var server = new PostgresServer(root, PostgresBinaries.Locate(binDirectory));
        _live[server.Root] = server;
        try
        {
            return await EmbeddedPostgresCluster.StartAsync(server,
                new EmbeddedPostgresOptions { Durable = false, DatabaseName = database, BinDirectory = binDirectory },
                logger, cancellationToken);
        }
        catch
        {
            await RemoveAsync(server);
            throw;
        }
    }

    /// <summary>Stops the cluster's server and deletes its directory.</summary>
    public Task RemoveAsync(EmbeddedPostgresCluster cluster) => RemoveAsync(cluster.Server);

    private async Task RemoveAsync(PostgresServer server)
    {
        if (_live.TryRemove(server.Root, out _))
        {
            await server.DestroyAsync();
        }
    }

    /// <summary>Removes the throwaway clusters of processes that no longer run, stopping a server left running.</summary>
    public async Task RemoveLeftoversAsync()
    {
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (OwnerIsGone(Path.GetFileName(root)))
            {
                logger.LogWarning("Removing {Directory}, a throwaway cluster left by a process that ended without removing it", root);
                await new PostgresServer(root, PostgresBinaries.Locate(null)).DestroyAsync();
            }
        }
    }

    /// <summary>"nakamura-verify-1234-…": whether process 1234 has ended. A name without an owner is not ours to judge.</summary>
    private static bool OwnerIsGone(string name)
    {
        var owner = name[Prefix.Length..].Split('-')[0];
        if (!int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    /// <summary>The host is going away: whatever is still running here is stopped and removed.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var server in _live.Values)
        {
            await RemoveAsync(server);
        }
    }
}
