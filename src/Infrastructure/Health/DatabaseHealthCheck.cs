using Microsoft.Extensions.Diagnostics.HealthChecks;
using NakamuraMisaki.Infrastructure.Database;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Health;

/// <summary>
/// One round trip through the data source the writes use, so a multi-host connection string with no primary is as
/// unhealthy here as it is for the requests, and readiness says why (EF Core's context check says only "false").
/// </summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(DatabaseUnavailability.Reason(e), e);
        }
    }
}
