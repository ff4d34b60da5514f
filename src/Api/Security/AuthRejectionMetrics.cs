using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Requests refused for who sent them (Prometheus: nakamura_misaki_auth_rejections_total), by <c>client</c> (the key's
/// client, or <c>unknown</c> for a missing key or one matching none) and <c>status</c>: "401" from the authentication
/// handler, "403" from the scope check, "429" from the rate limiter.
/// </summary>
public sealed class AuthRejectionMetrics(AppMeter meter)
{
    private readonly Counter<long> _rejections = meter.Meter.CreateCounter<long>(
        "nakamura_misaki.auth.rejections", "{request}", "Requests refused by authentication (401), scopes (403) or rate limit (429).");

    public void Record(string client, int status) =>
        _rejections.Add(1, new KeyValuePair<string, object?>("client", client),
            new KeyValuePair<string, object?>("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
