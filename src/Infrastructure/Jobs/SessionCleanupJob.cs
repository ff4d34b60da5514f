using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Application.Sessions.Commands.DeleteInactiveSessions;
using NakamuraMisaki.Application.Sessions.Commands.ExpireIdleSessions;

namespace NakamuraMisaki.Infrastructure.Jobs;

/// <summary>Every Sessions:Cleanup:IntervalMinutes: expire idle sessions, then delete long-inactive ones.</summary>
internal sealed class SessionCleanupJob(
    IServiceScopeFactory scopes, DatabaseSchemaReadiness schema, IOptions<SessionCleanupOptions> options,
    ILogger<SessionCleanupJob> logger)
    : PeriodicJob(scopes, schema, logger)
{
    protected override string Name => "Session clean-up";
    protected override bool Enabled => options.Value.Enabled;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.IntervalMinutes);

    protected override async Task RunPassAsync(ISender sender, CancellationToken cancellationToken)
    {
        var expired = await sender.Send(new ExpireIdleSessions(options.Value.IdleHours), cancellationToken);
        var deleted = await sender.Send(new DeleteInactiveSessions(options.Value.InactiveDays), cancellationToken);
        if (expired.Expired > 0 || deleted.Deleted > 0)
        {
            logger.LogInformation("Session clean-up: {Expired} expired, {Deleted} deleted", expired.Expired, deleted.Deleted);
        }
    }
}
