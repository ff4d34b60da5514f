using System.Diagnostics;

namespace NakamuraMisaki.Infrastructure.Database.Embedded;

/// <summary>
/// Runs the PostgreSQL programs. PostgreSQL refuses to run as root, so when this process is root every program runs
/// as the 'postgres' OS user through runuser.
/// </summary>
internal sealed class ProcessRunner
{
    public const string ServiceUser = "postgres";

    public static bool IsRoot => Environment.UserName == "root";

    public async Task<(int ExitCode, string Output)> RunAsync(
        string program, IEnumerable<string> arguments, CancellationToken cancellationToken, bool asServiceUser = true,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceUser && IsRoot)
        {
            info.FileName = "runuser";
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(ServiceUser);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(program);
        }
        else
        {
            info.FileName = program;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LC_ALL"] = "C.UTF-8";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value; // e.g. PGPASSWORD: never on a command line, where ps would show it
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A cancelled program must not outlive the wait: pg_restore would go on restoring, and a pg_ctl start
            // would leave its server (its child) running with nobody to stop it.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    /// <summary>Hands a directory to the service user so the server can write there.</summary>
    public async Task GiveToServiceUserAsync(string path, CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return;
        }

        var (code, output) = await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", path], cancellationToken, asServiceUser: false);
        if (code != 0)
        {
            throw new InvalidOperationException($"chown {path} failed: {output}");
        }
    }
}
