using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Application;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Infrastructure;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using NakamuraMisaki.Infrastructure.Persistence;
using Npgsql;

namespace NakamuraMisaki.Bench.SessionMessages;

/// <summary>
/// A throwaway cluster with the service's schema, and the service's Application and Infrastructure services over it:
/// each operation is a mediator request in a scope of its own, as an HTTP request would be (without HTTP itself).
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly EmbeddedPostgresCluster _cluster;
    private readonly ServiceProvider _services;

    private BenchHost(EmbeddedPostgresCluster cluster, ServiceProvider services)
    {
        _cluster = cluster;
        _services = services;
    }

    public string ConnectionString => _cluster.ConnectionString;

    public NpgsqlDataSource DataSource => _services.GetRequiredService<NpgsqlDataSource>();

    /// <param name="durable">fsync on, as a production server: every append's commit waits for the disk.</param>
    /// <param name="actingUser">Whom every request acts for, as the X-Slack-User-Id header would say.</param>
    public static async Task<BenchHost> StartAsync(string root, bool durable, string actingUser)
    {
        var cluster = await EmbeddedPostgresCluster.StartAsync(
            root, new EmbeddedPostgresOptions { Durable = durable, DatabaseName = "nakamura_bench" },
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = cluster.ConnectionString,
            ["Database:MinPoolSize"] = "0",
            ["Database:MaxPoolSize"] = "110",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddApplicationServices()
            .AddInfrastructureServices(configuration)
            .AddSingleton<IUser>(new BenchUser(actingUser))
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        }

        return new BenchHost(cluster, services);
    }

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await _cluster.DestroyAsync();
    }
}

internal sealed record BenchUser(string? Id) : IUser;
