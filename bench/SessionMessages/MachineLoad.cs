using System.Globalization;

namespace NakamuraMisaki.Bench.SessionMessages;

/// <summary>The machine's load average, printed beside every figure: the bench machine is shared.</summary>
internal static class MachineLoad
{
    public static string Now() =>
        File.Exists("/proc/loadavg")
            ? "load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount} cores"
            : $"load unknown, {Environment.ProcessorCount} cores";

    /// <summary>Nearest-rank percentile, in milliseconds.</summary>
    public static double Percentile(IReadOnlyCollection<double> milliseconds, double percentile)
    {
        var sorted = milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string Format(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
