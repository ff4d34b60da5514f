using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using NakamuraMisaki.Infrastructure.Persistence;

namespace NakamuraMisaki.Api.Database;

internal static class DatabaseStartup
{
    /// <summary>
    /// With ConnectionStrings:Default set, nothing is started. Without it, the embedded cluster is started (or reused)
    /// under .data/postgres, its connection string goes into configuration, and it stops when the service stops.
    /// </summary>
    public static async Task<bool> UseEmbeddedPostgresWhenUnconfiguredAsync(this WebApplicationBuilder builder)
    {
        var key = $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}";
        if (!string.IsNullOrWhiteSpace(builder.Configuration[key]))
        {
            return false;
        }

        if (EF.IsDesignTime)
        {
            // `dotnet ef` builds this host only to create the DbContext: `migrations add` needs no server, and
            // `database update` is given ConnectionStrings__Default. Starting a cluster here would orphan it.
            builder.Configuration[key] = "Host=localhost;Database=nakamura_misaki;Username=postgres";
            return false;
        }

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Embedded ?? new();
        var root = options.DataDirectory ?? Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".data", "postgres");
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
        return true;
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // EF Core takes a database lock while migrating, so instances starting together apply each migration once.
        await db.Database.MigrateAsync();
    }

    /// <summary>The directory holding NakamuraMisaki.sln, so `dotnet run` from anywhere uses the same .data/.</summary>
    private static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NakamuraMisaki.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
