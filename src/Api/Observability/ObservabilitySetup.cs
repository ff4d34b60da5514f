using NakamuraMisaki.Application.Common.Telemetry;
using NakamuraMisaki.Infrastructure.Configuration;
using NakamuraMisaki.Infrastructure.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NakamuraMisaki.Api.Observability;

/// <summary>
/// Logs, metrics and traces. Metrics are always collected and served in Prometheus text at /metrics. Traces (and a
/// copy of the logs and metrics) go over OTLP only when Otlp:Endpoint is set: without a collector nobody could read
/// a trace, and recording spans would cost every request for nothing.
/// </summary>
internal static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    private const string ServiceName = "NakamuraMisaki";

    /// <summary>Request durations on the hot reads are 1–5 ms; ASP.NET Core's default first bucket (5 ms) would hide them.</summary>
    private static readonly double[] RequestDurationBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>
    /// ASP.NET Core's own meters, named here rather than through AddAspNetCoreInstrumentation(), which adds these and
    /// also wraps every request in an async middleware of its own (to tag a 5xx without an exception with error.type;
    /// no alert reads it) and enables meters recorded on every request that nobody reads: routing's match attempts,
    /// the memory pool's rents, authorization's attempts (a refused request is a 401 or 403 problem response, counted).
    /// </summary>
    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting", // http.server.request.duration (the alert rules), http.server.active_requests
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
    ];

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        // Scopes carry TraceId/SpanId on every line logged inside a request; ASP.NET Core adds RequestId itself.
        // The console format (json or simple) comes from Logging:Console:FormatterName in appsettings.
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        builder.Services.AddSingleton<ProblemResponseCounter>();
        builder.Services.AddValidatedOptions<OtlpOptions, OtlpOptionsValidator>(builder.Configuration, OtlpOptions.Section);
        // Read now as well: whether to trace at all is decided while registering. A bad endpoint is not used here and
        // stops the start through the validator.
        var otlp = builder.Configuration.GetSection(OtlpOptions.Section).Get<OtlpOptions>() ?? new();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: Health.HealthEndpoints.Version))
            .WithMetrics(metrics => metrics
                .AddMeter(AspNetCoreMeters)
                .AddHttpClientInstrumentation()
                .AddDatabaseInstrumentation()
                .AddMeter(AppMeter.Name, "System.Runtime")
                .AddView("http.server.request.duration",
                    new ExplicitBucketHistogramConfiguration { Boundaries = RequestDurationBuckets })
                // Recorded on every request or command and each a copy of something kept: the request duration and
                // http.server.active_requests already say how long and how many; 401s and 429s are counted as
                // problem responses and by aspnetcore.rate_limiting.requests; pool usage says how many commands run.
                .AddView("aspnetcore.authentication.authenticate.duration", MetricStreamConfiguration.Drop)
                .AddView("aspnetcore.rate_limiting.request_lease.duration", MetricStreamConfiguration.Drop)
                .AddView("aspnetcore.rate_limiting.active_request_leases", MetricStreamConfiguration.Drop)
                .AddView("db.client.operation.npgsql.executing", MetricStreamConfiguration.Drop)
                .AddView("db.client.operation.npgsql.bytes_written", MetricStreamConfiguration.Drop)
                .AddView("db.client.operation.npgsql.bytes_read", MetricStreamConfiguration.Drop)
                // Prometheus scrapes every 15–60 s; a cached scrape would only hide the requests just before it.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));

        if (otlp is { IsExportable: true, Endpoint: { } endpoint })
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsInfrastructurePath(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddDatabaseInstrumentation())
                .UseOtlpExporter(otlp.Protocol, endpoint);
        }

        return builder;
    }

    /// <summary>Anonymous like the health probes: scrapers send no API key. Expose it on an internal network only.</summary>
    public static void MapMetricsEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription().AllowAnonymous();

    /// <summary>Scrapes and probes arrive every few seconds; as traces they would drown the real requests.</summary>
    private static bool IsInfrastructurePath(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}
