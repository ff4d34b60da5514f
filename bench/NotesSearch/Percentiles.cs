namespace NakamuraMisaki.Bench.NotesSearch;

internal static class Percentiles
{
    /// <summary>Nearest-rank percentile of the samples, in milliseconds.</summary>
    public static double Of(IReadOnlyCollection<double> milliseconds, double percentile)
    {
        var sorted = milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
