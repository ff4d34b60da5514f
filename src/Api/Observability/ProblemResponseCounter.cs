using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Api.Observability;

/// <summary>
/// Counts RFC 9457 problem responses by status (Prometheus: nakamura_misaki_http_problem_responses_total), so an alert
/// can watch 4xx/5xx rates without parsing logs. Every error answer passes through IProblemDetailsService, which
/// calls <see cref="Record"/>.
/// </summary>
internal sealed class ProblemResponseCounter(AppMeter meter)
{
    private readonly Counter<long> _responses = meter.Meter.CreateCounter<long>(
        "nakamura_misaki.http.problem_responses", "{response}", "Problem-details responses, by HTTP status code.");

    public void Record(int statusCode) =>
        _responses.Add(1, new KeyValuePair<string, object?>("http.response.status_code", statusCode));
}
