using NakamuraMisaki.Import;
using Spectre.Console;

namespace NakamuraMisaki.Api.CommandLine.Import;

/// <summary>Where the import writes: a progress bar on a terminal, log lines when the output is redirected.</summary>
internal sealed class ImportConsole(TextWriter output, IAnsiConsole? terminal)
{
    public TextWriter Out => output;

    public static ImportConsole FromProcess() =>
        new(Console.Out, !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive ? AnsiConsole.Console : null);

    /// <summary>Redirected output (files, pipes, tests).</summary>
    public static ImportConsole Plain(TextWriter output) => new(output, null);

    public Task<T> WithProgressAsync<T>(Func<IImportProgress, Task<T>> run) =>
        terminal is null ? run(new PlainImportProgress(output, TimeProvider.System)) : SpectreImportProgress.RunAsync(terminal, run);
}
