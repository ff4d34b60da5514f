using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Audit.Commands.RecordAuthenticationFailures;
using NakamuraMisaki.Infrastructure.Audit;
using NakamuraMisaki.Infrastructure.Database;

namespace NakamuraMisaki.Infrastructure.Jobs;

/// <summary>Every minute: writes the refused requests counted in this instance as one audit event per client and address.</summary>
internal sealed class AuditRefusalsJob(
    IServiceScopeFactory scopes, DatabaseSchemaReadiness schema, IOptions<AuditOptions> options, ILogger<AuditRefusalsJob> logger)
    : PeriodicJob(scopes, schema, logger)
{
    protected override string Name => "Audit of refused requests";
    protected override bool Enabled => options.Value.RefusalsEnabled;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task RunPassAsync(ISender sender, CancellationToken cancellationToken) =>
        sender.Send(new RecordAuthenticationFailures(), cancellationToken).AsTask();
}
