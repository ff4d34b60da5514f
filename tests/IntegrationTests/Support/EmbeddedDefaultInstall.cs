using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using NakamuraMisaki.Infrastructure.Database.Embedded;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// The service's executable as a user runs it after scripts/run.sh: no ConnectionStrings__Default, so the embedded
/// cluster, but in a throwaway directory of its own (Database__Embedded__DataDirectory, Backup__Directory) instead of
/// the repository's .data. Runs the verbs and the service as child processes; disposing stops whatever server is
/// left on that directory and removes it.
/// </summary>
public sealed class EmbeddedDefaultInstall : IAsyncDisposable
{
    private static readonly string ApiDll = Path.Combine(AppContext.BaseDirectory, "NakamuraMisaki.Api.dll");

    public EmbeddedDefaultInstall()
    {
        // Not 0700 (CreateTempSubdirectory): as root the cluster runs as the postgres user, which must reach it.
        Root = Path.Combine(Path.GetTempPath(), $"nakamura-install-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        }
    }

    public string Root { get; }
    public string BackupDirectory => Path.Combine(Root, "backups");
    public string ApiKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private string ClusterDirectory => Path.Combine(Root, "pg");

    /// <summary><c>NakamuraMisaki.Api ARGS</c> to its end; <paramref name="settings"/> are environment variables.</summary>
    public async Task<ProcessRun> RunAsync(IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        using var process = Start(args, settings);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }

    public Task<ProcessRun> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>The service itself, listening on <paramref name="url"/>, ready; the caller stops it.</summary>
    public async Task<Process> StartServiceAsync(string url, IReadOnlyDictionary<string, string>? settings = null)
    {
        var process = Start([], new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["ASPNETCORE_URLS"] = url,
        });
        // Drained so a full pipe never blocks the service; kept for the failure message.
        process.OutputDataReceived += (_, e) => Log.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => Log.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddMinutes(3); ; await Task.Delay(250))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The service did not become ready:\n{Log}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri(new Uri(url), "/health/ready"));
                if (ready.IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }
    }

    /// <summary>Whether a process runs with <paramref name="path"/> on its command line (a postmaster's -D).</summary>
    public static bool AnyProcessMentions(string path) =>
        Directory.EnumerateDirectories("/proc").Any(dir =>
        {
            try
            {
                return int.TryParse(Path.GetFileName(dir), out _) &&
                       File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(path, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false; // ended while we looked
            }
        });

    public StringBuilder Log { get; } = new();

    /// <summary>SIGTERM, as systemd or Ctrl-C in a terminal stops it, then waits for the process to end.</summary>
    public static async Task StopAsync(Process service)
    {
        using (var kill = Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await service.WaitForExitAsync(timeout.Token);
    }

    private Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ApiDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Nothing of this process's own database settings: the user's shell after scripts/run.sh has none.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                     || k.StartsWith("Database__", StringComparison.Ordinal) || k.StartsWith("Backup__", StringComparison.Ordinal)
                     || k.StartsWith("Auth__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Embedded__DataDirectory"] = ClusterDirectory;
        info.Environment["Backup__Directory"] = BackupDirectory;
        info.Environment["Auth__ApiKeys__0__Client"] = "tests";
        info.Environment["Auth__ApiKeys__0__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)));
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the service's executable.");
    }

    public async ValueTask DisposeAsync()
    {
        await new PostgresServer(ClusterDirectory, PostgresBinaries.Locate(null)).DestroyAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

public sealed record ProcessRun(int ExitCode, string Output, string Errors)
{
    /// <summary>A .NET stack trace's frame lines ("   at Namespace.Type.Method(…)").</summary>
    public bool PrintedStackTrace => (Output + Errors).Contains("\n   at ", StringComparison.Ordinal);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}
