using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NakamuraMisaki.Infrastructure.Health;

namespace NakamuraMisaki.Api.Health;

/// <summary>
/// /health/live answers without touching the database; /health/ready reports the database and is 503 without it.
/// It also names the Slack side's state (docs/reminders.md): "Degraded" when Slack refused the bot token, which stops
/// reminders but not requests, so it never turns readiness to 503 (an instance taken out of rotation for it would
/// not send reminders either, and would stop serving the API for nothing).
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>Readiness' EF Core context check: unhealthy while migrations are pending.</summary>
    public const string SchemaCheck = "schema";

    public static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, report) =>
                context.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), version = Version }, Json),
        }).WithTags("Health").AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).WithTags("Health").AllowAnonymous();
    }

    private static async Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        var database = report.Entries.TryGetValue("database", out var entry) ? entry : default;
        object details;
        if (database.Status == HealthStatus.Healthy)
        {
            try
            {
                var status = await context.RequestServices.GetRequiredService<DatabaseStatusReader>()
                    .ReadAsync(context.RequestAborted);
                // A schema behind the code is not ready: requests would fail on missing tables or columns.
                var current = report.Entries.TryGetValue(SchemaCheck, out var schema) && schema.Status == HealthStatus.Healthy;
                if (!current)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                }

                details = new { status = current ? "Healthy" : "Unhealthy", status.ServerVersion, status.PgvectorVersion,
                    status.PendingMigrations, status.ActiveConnections, status.IdleConnections, status.MaxConnections, status.DataSources };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                details = new { status = "Unhealthy", error = "The database stopped answering: " + e.GetType().Name };
            }
        }
        else
        {
            details = new { status = database.Status.ToString(), error = database.Description ?? database.Exception?.GetType().Name };
        }

        var slack = SlackReadiness.Describe(context.RequestServices);
        var overall = context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable ? "Unhealthy"
            : slack.Degraded ? "Degraded"
            : report.Status.ToString();
        await context.Response.WriteAsJsonAsync(
            new { status = overall, version = Version, database = details, slack = slack.Details }, Json);
    }
}
