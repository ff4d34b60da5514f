using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;

namespace NakamuraMisaki.Api.Database;

internal static class DatabaseStartup
{
    /// <summary>
    /// With ConnectionStrings:Default set, nothing is started. Without it, the embedded cluster is started (or reused)
    /// under .data/postgres, its connection string goes into configuration, and it stops when the service stops.
    /// The service and every command-line verb choose their database here. Returns the cluster, or null.
    /// </summary>
    public static async Task<EmbeddedPostgresCluster?> UseEmbeddedPostgresWhenUnconfiguredAsync(this WebApplicationBuilder builder)
    {
        var key = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}";
        if (!string.IsNullOrWhiteSpace(builder.Configuration[key]))
        {
            return null;
        }

        if (EF.IsDesignTime)
        {
            // `dotnet ef` builds this host only to create the DbContext: `migrations add` needs no server, and
            // `database update` is given ConnectionStrings__Default. Starting a cluster here would orphan it.
            builder.Configuration[key] = "Host=localhost;Database=nakamura_misaki;Username=postgres";
            return null;
        }

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Embedded ?? new();
        var root = options.DataDirectory ?? Path.Combine(RepositoryPaths.DataDirectory(builder.Environment.ContentRootPath), "postgres");
        // The host's loggers do not exist yet; this one follows the same Logging section (JSON in Production).
        using var loggerFactory = LoggerFactory.Create(logging =>
            logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());
        var logger = loggerFactory.CreateLogger("NakamuraMisaki.EmbeddedPostgres");
        var cluster = await EmbeddedPostgresCluster.StartAsync(root, options, logger);
        var redacted = new Npgsql.NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Password = "***" };
        logger.LogInformation("No ConnectionStrings:Default configured; using the embedded PostgreSQL: {ConnectionString} " +
                              "(password in {Root}/superuser.password)", redacted.ConnectionString, root);

        builder.Configuration[key] = cluster.ConnectionString;
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<EmbeddedPostgresStopper>();
        return cluster;
    }

    /// <summary>
    /// The embedded cluster was just started here, so its schema is brought up to date before the first request. An
    /// external database may not be up yet: with Database:MigrateOnStartup it is migrated in the background, retrying.
    /// </summary>
    public static void AddMigrations(this WebApplicationBuilder builder, bool embedded)
    {
        var inBackground = !embedded &&
            builder.Configuration.GetValue<bool>($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.MigrateOnStartup)}");
        builder.Services.AddSingleton(new DatabaseSchemaReadiness(inBackground));
        if (inBackground)
        {
            builder.Services.AddHostedService<DatabaseMigrationService>();
        }
    }

    public static async Task MigrateEmbeddedAsync(this WebApplication app, bool embedded, CancellationToken cancellationToken = default)
    {
        if (embedded)
        {
            await DatabaseMigrationService.MigrateAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), cancellationToken);
        }
    }
}
