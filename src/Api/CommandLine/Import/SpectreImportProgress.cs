using System.Globalization;
using NakamuraMisaki.Import;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NakamuraMisaki.Api.CommandLine.Import;

/// <summary>A progress bar per source on a terminal, with its counts and rate.</summary>
internal sealed class SpectreImportProgress(ProgressContext context) : IImportProgress
{
    private readonly Dictionary<ImportSource, ProgressTask> _tasks = [];

    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<IImportProgress, Task<T>> run) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RowRateColumn(), new ElapsedTimeColumn())
            .StartAsync(context => run(new SpectreImportProgress(context)));

    public void Reading(ImportSource source, string origin)
    {
        var task = context.AddTask(Markup.Escape($"{source.Name()}: reading {origin}"), maxValue: 1);
        task.IsIndeterminate = true;
        _tasks[source] = task;
    }

    public void Advanced(ImportSource source, SourceProgress progress)
    {
        var task = _tasks[source];
        task.IsIndeterminate = false;
        task.MaxValue = Math.Max(progress.Total, 1);
        task.Value = progress.Done;
        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{source.Name(),-11} {progress.Done:N0}/{progress.Total:N0}  new {progress.Imported:N0} · present " +
            $"{progress.AlreadyPresent:N0} · conflicts {progress.Conflicts:N0} · rejected {progress.Rejected:N0}"));
    }

    public void Finished(SourceReport report)
    {
        var task = _tasks[report.Source];
        task.Value = task.MaxValue;
        task.StopTask();
    }

    /// <summary>Rows per second over the last few updates (Spectre's own speed column formats bytes).</summary>
    private sealed class RowRateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Speed ?? 0:N0} rows/s"));
    }
}
