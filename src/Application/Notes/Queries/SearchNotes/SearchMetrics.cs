using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Application.Notes.Queries.SearchNotes;

/// <summary>
/// Note searches as Prometheus sees them: nakamura_misaki_notes_search_duration_seconds (a histogram, by the
/// <c>mode</c> that answered: hybrid, vector or text) and nakamura_misaki_notes_search_degraded_total (searches asked
/// for hybrid or vector that answered by text because the embedding provider was unavailable).
/// </summary>
public sealed class SearchMetrics(AppMeter meter)
{
    /// <summary>A text search takes a few ms, a hybrid one waits for the provider: 100 ms to seconds.</summary>
    private static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> _duration = meter.Meter.CreateHistogram(
        "nakamura_misaki.notes.search.duration", "s", "Note searches, by the mode that answered.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    private readonly Counter<long> _degraded = meter.Meter.CreateCounter<long>(
        "nakamura_misaki.notes.search.degraded", "{search}", "Searches that answered by text: the embedding provider was unavailable.");

    public void Answered(SearchMode asked, SearchMode answered, TimeSpan took)
    {
        _duration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("mode", SearchModes.Words.Name(answered)));
        if (answered != asked)
        {
            _degraded.Add(1, new KeyValuePair<string, object?>("asked", SearchModes.Words.Name(asked)));
        }
    }
}
