using Microsoft.Extensions.Hosting;
using NakamuraMisaki.Infrastructure.Database.Embedded;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>
/// At start, removes the throwaway clusters an earlier process left behind (kill -9, a crash): a backup verification
/// that was cut short would otherwise leave a PostgreSQL running under /tmp for ever.
/// </summary>
internal sealed class LeftoverClusterRemoval(ThrowawayClusters clusters) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => clusters.RemoveLeftoversAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
