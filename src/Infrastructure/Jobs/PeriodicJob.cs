using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Infrastructure.Database;

namespace NakamuraMisaki.Infrastructure.Jobs;

/// <summary>
/// The one runner of background work. Once the schema is ready, runs one pass and then one every
/// <see cref="Interval"/>, each in its own DI scope, until the host stops. A failed pass (database down, say) is
/// logged and the next one is tried on schedule; the job never dies of it. Passes are use cases (mediator requests),
/// so tests run them directly instead of waiting for a timer.
/// </summary>
public abstract class PeriodicJob(IServiceScopeFactory scopes, DatabaseSchemaReadiness schema, ILogger logger)
    : BackgroundService
{
    protected abstract string Name { get; }
    protected abstract bool Enabled { get; }
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunPassAsync(ISender sender, CancellationToken cancellationToken);

    /// <summary>Says once why the job does not run.</summary>
    protected virtual void LogDisabled() => logger.LogInformation("{Job} is disabled by configuration", Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            LogDisabled();
            return;
        }

        logger.LogInformation("{Job} runs every {Interval}", Name, Interval);
        try
        {
            await schema.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunPassAsync(scope.ServiceProvider.GetRequiredService<ISender>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseUnavailability.Explains(e))
            {
                // Expected during a restart or failover, and the next pass recovers by itself: no stack trace.
                logger.LogWarning("{Job} pass skipped, the database is unavailable ({Reason}); the next pass runs in {Interval}",
                    Name, DatabaseUnavailability.Reason(e), Interval);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Job} pass failed; the next pass runs in {Interval}", Name, Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
