using System.Diagnostics.Metrics;

namespace NakamuraMisaki.Application.Common.Telemetry;

/// <summary>
/// The service's own Meter, "NakamuraMisaki". Features create their instruments on it (reminders sent, rows
/// imported, …) so they are exported with everything else without touching the telemetry setup. It comes from the
/// host's <see cref="IMeterFactory"/>, so each host (and each test host) owns and disposes its own meter.
/// Instrument names follow OpenTelemetry style: "nakamura_misaki.&lt;feature&gt;.&lt;what&gt;".
/// </summary>
public sealed class AppMeter(IMeterFactory meterFactory)
{
    public const string Name = "NakamuraMisaki";

    public Meter Meter { get; } = meterFactory.Create(Name);
}
