using NakamuraMisaki.Api.CommandLine.Backups;
using NakamuraMisaki.Api.CommandLine.Export;
using NakamuraMisaki.Api.CommandLine.Health;
using NakamuraMisaki.Api.CommandLine.Import;

namespace NakamuraMisaki.Api.CommandLine;

/// <summary>
/// The verbs of the service's executable: <c>import</c>, <c>backup</c> (and <c>backup verify</c>), <c>restore</c>,
/// <c>export</c> and <c>healthcheck</c>. Each runs with the service's configuration, the database ones in the one
/// <see cref="CommandHost"/>; none starts the web server.
/// </summary>
internal static class CommandLineVerbs
{
    private static readonly string[] Names = [ImportCommand.Verb, ExportCommand.Verb, HealthProbeCommand.Verb, .. BackupCommand.Verbs];

    public static bool IsInvoked(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Finish cleanly: roll back the work in flight, stop the embedded cluster and remove throwaway ones.
            e.Cancel = true;
            interrupted.Cancel();
        };
        return await RunAsync(args, ImportConsole.FromProcess(), configure: null, interrupted.Token);
    }

    /// <param name="configure">Applied to the host's builder after the service's registrations (tests, benchmarks).</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ImportConsole console,
        Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var rest = args.Skip(1).ToArray();
        return args[0] switch
        {
            ImportCommand.Verb => (await ImportCommand.RunAsync(rest, console, configure, cancellationToken)).ExitCode,
            ExportCommand.Verb => await ExportCommand.RunAsync(rest, console.Out, configure, cancellationToken),
            HealthProbeCommand.Verb => await HealthProbeCommand.RunAsync(rest, console.Out, configure, cancellationToken),
            _ => await BackupCommand.RunAsync(args, console.Out, configure, cancellationToken),
        };
    }
}
