using NakamuraMisaki.Infrastructure.Database.Embedded;
using Npgsql;

namespace NakamuraMisaki.Api.Database;

/// <summary>Stops the embedded cluster after everything else has stopped and the pool is closed.</summary>
internal sealed class EmbeddedPostgresStopper(EmbeddedPostgresCluster cluster, IHostApplicationLifetime lifetime)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(() =>
        {
            NpgsqlConnection.ClearAllPools();
            cluster.StopAsync().GetAwaiter().GetResult();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
