using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// nakamura_misaki.auth.rejections (Prometheus: nakamura_misaki_auth_rejections_total): requests refused before they
/// reach an endpoint, by <c>client</c> (the API key's client name, or <c>unknown</c> for a key that matches none or
/// no key at all) and <c>status</c> ("401", "403", "429"). A burst of 401s from <c>unknown</c> is someone guessing
/// keys or a client with a revoked one; 429s by client say who needs a higher limit.
/// </summary>
public sealed class AuthRejectionMetrics(AppMeter meter)
{
    public const string UnknownClient = "unknown";

    private readonly Counter<long> _rejections = meter.Meter.CreateCounter<long>(
        "nakamura_misaki.auth.rejections", "{request}", "Requests refused by authentication, authorization or the rate limit.");

    public void Record(string client, int status) =>
        _rejections.Add(1,
            new KeyValuePair<string, object?>("client", client),
            new KeyValuePair<string, object?>("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
