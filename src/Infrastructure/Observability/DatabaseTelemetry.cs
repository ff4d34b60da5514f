using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NakamuraMisaki.Infrastructure.Observability;

/// <summary>
/// Npgsql's OpenTelemetry instruments, so the host's telemetry setup need not know which database driver we use.
/// Metrics (Npgsql 10 names): db.client.connection.count (state = idle | used), db.client.connection.max,
/// db.client.connection.npgsql.pending_requests, db.client.connection.npgsql.timeouts, db.client.operation.duration.
/// </summary>
public static class DatabaseTelemetry
{
    public static MeterProviderBuilder AddDatabaseInstrumentation(this MeterProviderBuilder metrics) =>
        metrics.AddNpgsqlInstrumentation();

    /// <summary>One span per command, a child of the request's span.</summary>
    public static TracerProviderBuilder AddDatabaseInstrumentation(this TracerProviderBuilder tracing) =>
        tracing.AddNpgsql();
}
