using Microsoft.Extensions.DependencyInjection.Extensions;
using NakamuraMisaki.Api.Database;
using NakamuraMisaki.Api.Observability;
using NakamuraMisaki.Application;
using NakamuraMisaki.Infrastructure;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using OpenTelemetry.Metrics;

namespace NakamuraMisaki.Api.CommandLine;

/// <summary>
/// The one host of every command-line verb: the service's configuration, registrations, observability and database,
/// chosen as the service chooses it (no ConnectionStrings:Default: the embedded cluster under .data/postgres, started
/// or reused, and migrated), but no web server and none of the service's background jobs. Disposing it stops the
/// embedded cluster if this process started it.
/// </summary>
internal sealed class CommandHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmbeddedPostgresCluster? _cluster;

    private CommandHost(WebApplication app, EmbeddedPostgresCluster? cluster, string backupDirectory)
    {
        _app = app;
        _cluster = cluster;
        BackupDirectory = backupDirectory;
    }

    public IServiceProvider Services => _app.Services;
    public IConfiguration Configuration => _app.Configuration;

    /// <summary>Whether the database is the embedded cluster (this process's or a running service's).</summary>
    public bool Embedded => _cluster is not null;

    /// <summary>Backup:Directory, or .data/backups beside the embedded cluster, as the scheduled backup has it.</summary>
    public string BackupDirectory { get; }

    /// <summary>
    /// The service's configuration (environment, appsettings) and logging: warnings and errors only, on stderr, so
    /// stdout carries what the verb did.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true)
            // EF Core's own error lines would only repeat what the verb reports: failures surface as exceptions.
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a host with the service's registrations and <paramref name="verbServices"/>.
    /// What stops it is said in one line on <paramref name="output"/> and answered <see cref="ExitCodes.Failed"/>;
    /// a stack trace goes to stderr only for a failure no message names (<see cref="CommandFailure"/>).
    /// </summary>
    /// <param name="configure">Applied after the registrations and before the database is chosen (tests, benchmarks).</param>
    /// <param name="afterFailure">A sentence added to the failure line, e.g. what stays done after a failed run.</param>
    public static async Task<T> RunAsync<T>(string verb, TextWriter output, Action<IServiceCollection> verbServices,
        Action<WebApplicationBuilder>? configure, Func<CommandHost, Task<T>> work, Func<T> failed,
        CancellationToken cancellationToken, string? afterFailure = null)
    {
        CommandHost? host = null;
        try
        {
            host = await StartAsync(verbServices, configure, cancellationToken);
            return await work(host);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync(afterFailure is null ? "Interrupted." : $"Interrupted. {afterFailure}");
            return failed();
        }
        catch (Exception e)
        {
            await CommandFailure.WriteAsync($"The {verb} could not finish", e, output);
            if (afterFailure is not null)
            {
                await output.WriteLineAsync(afterFailure);
            }

            return failed();
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<CommandHost> StartAsync(Action<IServiceCollection> verbServices,
        Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var builder = CreateBuilder();
        // Metrics (e.g. the import's record counts) go over OTLP when Otlp:Endpoint is set, as the service's do.
        builder.AddObservability();
        builder.Services.AddApplicationServices().AddInfrastructureServices(builder.Configuration);
        verbServices(builder.Services);
        configure?.Invoke(builder);

        var backupDirectory = builder.UseDefaultBackupDirectory();
        var cluster = await builder.UseEmbeddedPostgresWhenUnconfiguredAsync();
        CommandHost? host = null;
        try
        {
            // The registrations bring the service's background jobs, and the embedded cluster its stopper; a verb never
            // starts the host, so it carries none of them (DisposeAsync stops the cluster).
            builder.Services.RemoveAll<IHostedService>();
            var app = builder.Build();
            host = new CommandHost(app, cluster, backupDirectory);
            // Built here because the host, whose start would build it, is never started; disposed with the app, it
            // flushes the verb's counts to OTLP when Otlp:Endpoint is set.
            _ = app.Services.GetService<MeterProvider>();
            // As the service does at start: throwaway clusters a killed process left are removed, and the embedded
            // cluster's schema is brought up to date.
            await app.Services.GetRequiredService<ThrowawayClusters>().RemoveLeftoversAsync();
            await app.MigrateEmbeddedAsync(cluster is not null, cancellationToken);
            return host;
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
            else if (cluster is not null)
            {
                await cluster.StopAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_cluster is not null)
        {
            await _cluster.StopAsync(); // only if this process started it; a running service keeps its cluster
        }
    }
}
