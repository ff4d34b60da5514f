using System.Globalization;
using NakamuraMisaki.Import;

namespace NakamuraMisaki.Api.CommandLine.Import;

/// <summary>Progress as log lines, for output that goes to a file or a pipe: at most one line per source every few seconds.</summary>
internal sealed class PlainImportProgress(TextWriter output, TimeProvider time) : IImportProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly Dictionary<ImportSource, (long Started, long LastLine)> _sources = [];

    public void Reading(ImportSource source, string origin)
    {
        var now = time.GetTimestamp();
        _sources[source] = (now, now);
        Line($"{source.Name()}: reading {origin}");
    }

    public void Advanced(ImportSource source, SourceProgress progress)
    {
        var (started, lastLine) = _sources[source];
        var now = time.GetTimestamp();
        var first = progress.Done == 0;
        if (!first && progress.Done < progress.Total && time.GetElapsedTime(lastLine, now) < Interval)
        {
            return;
        }

        _sources[source] = (started, now);
        var seconds = time.GetElapsedTime(started, now).TotalSeconds;
        Line(first
            ? string.Create(CultureInfo.InvariantCulture, $"{source.Name()}: {progress.Total:N0} valid records to write, {progress.Rejected:N0} rejected")
            : string.Create(CultureInfo.InvariantCulture,
                $"{source.Name()}: {progress.Done:N0}/{progress.Total:N0} ({100.0 * progress.Done / progress.Total:F0}%), " +
                $"new {progress.Imported:N0}, present {progress.AlreadyPresent:N0}, conflicts {progress.Conflicts:N0}, " +
                $"rejected {progress.Rejected:N0}; {(seconds > 0 ? progress.Done / seconds : 0):N0} rows/s"));
    }

    public void Finished(SourceReport report) =>
        Line(string.Create(CultureInfo.InvariantCulture, $"{report.Source.Name()}: done in {report.Elapsed.TotalSeconds:F1} s"));

    private void Line(string text) =>
        output.WriteLine($"{time.GetUtcNow():HH:mm:ss} {text}");
}
