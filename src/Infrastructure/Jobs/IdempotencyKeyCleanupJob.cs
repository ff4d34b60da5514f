using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Idempotency.Commands.DeleteExpiredIdempotencyKeys;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Idempotency;

namespace NakamuraMisaki.Infrastructure.Jobs;

/// <summary>Every Idempotency:CleanupIntervalMinutes: deletes the Idempotency-Keys past their retention.</summary>
internal sealed class IdempotencyKeyCleanupJob(
    IServiceScopeFactory scopes, DatabaseSchemaReadiness schema, IOptions<IdempotencyOptions> options,
    ILogger<IdempotencyKeyCleanupJob> logger)
    : PeriodicJob(scopes, schema, logger)
{
    protected override string Name => "Idempotency-Key clean-up";
    protected override bool Enabled => options.Value.CleanupEnabled;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes);

    protected override async Task RunPassAsync(ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DeleteExpiredIdempotencyKeys(), cancellationToken);
        if (result.Deleted > 0)
        {
            logger.LogInformation("Idempotency-Key clean-up: {Deleted} expired keys deleted", result.Deleted);
        }
    }
}
