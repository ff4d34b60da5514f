using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Infrastructure.Persistence;

namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// Applies pending migrations in the background (Database:MigrateOnStartup), retrying with back-off while the database
/// is unreachable: a service started before its database does not crash-loop, and readiness answers 503 until the
/// schema is current, and background jobs wait for it (<see cref="DatabaseSchemaReadiness"/>). EF Core takes a
/// database lock while migrating, so instances starting together apply each once.
/// </summary>
public sealed class DatabaseMigrationService(
    IServiceScopeFactory scopes, DatabaseSchemaReadiness schema, ILogger<DatabaseMigrationService> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await MigrateAsync(scopes, stoppingToken);
                logger.LogInformation("The database schema is up to date");
                schema.MarkReady();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Migrations not applied yet ({Reason}); retrying in {Delay}", e.GetBaseException().Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
        }
    }

    public static async Task MigrateAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Npgsql's provider learns whether the history table exists by reading it, and EF Core logs that failed read
        // as an error on every first start (npgsql/efcore.pg#3407), a false alarm in the logs operators watch. Creating
        // the table first, with the script Migrate itself would run, leaves nothing to fail.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
