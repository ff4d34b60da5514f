using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Audit.Commands.DeleteExpiredAuditEvents;
using NakamuraMisaki.Infrastructure.Audit;
using NakamuraMisaki.Infrastructure.Database;

namespace NakamuraMisaki.Infrastructure.Jobs;

/// <summary>Every Audit:RetentionIntervalMinutes: deletes audit events older than Audit:RetentionDays.</summary>
internal sealed class AuditRetentionJob(
    IServiceScopeFactory scopes, DatabaseSchemaReadiness schema, IOptions<AuditOptions> options, ILogger<AuditRetentionJob> logger)
    : PeriodicJob(scopes, schema, logger)
{
    protected override string Name => "Audit retention";
    protected override bool Enabled => options.Value.RetentionEnabled;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes);

    protected override async Task RunPassAsync(ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DeleteExpiredAuditEvents(options.Value.RetentionDays), cancellationToken);
        if (result.Deleted > 0)
        {
            logger.LogInformation("Audit retention: {Deleted} events older than {Days} days deleted", result.Deleted, options.Value.RetentionDays);
        }
    }
}
