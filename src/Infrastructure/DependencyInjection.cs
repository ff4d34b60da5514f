using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.AgentTasks;
using NakamuraMisaki.Application.Handoffs;
using NakamuraMisaki.Application.Tasks;
using NakamuraMisaki.Infrastructure.Backups;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Health;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.Infrastructure.Persistence.Repositories;
using NakamuraMisaki.Infrastructure.Reminders;
using Npgsql;

namespace NakamuraMisaki.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton(TimeProvider.System);

        // Resolved lazily: the connection string may be filled in at startup by the embedded cluster.
        services.AddSingleton(sp => NpgsqlDataSourceFactory.Create(
            sp.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName)
                ?? throw new InvalidOperationException("ConnectionStrings:Default is not set."),
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));

        services.AddDbContextPool<AppDbContext>((sp, options) =>
            ConfigureDbContext(options, sp.GetRequiredService<NpgsqlDataSource>(),
                sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.MaxRetryCount));

        // Anywhere in the pipeline: it turns only the database's own exceptions into the Application's.
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(DatabaseExceptionTranslation<,>));
        services.AddScoped<ITaskRepository, TaskRepository>();
        services.AddSingleton<TransientReadRetry>();
        services.AddSingleton<ITaskReader, TaskReader>();
        services.AddScoped<IAgentTaskRepository, AgentTaskRepository>();
        services.AddScoped<IHandoffRepository, HandoffRepository>();
        services.AddHandoffReminders(configuration);
        services.AddNotes(configuration);
        services.AddSessions(configuration);
        services.AddBackups(configuration);
        services.AddScoped<DatabaseStatusReader>();
        return services;
    }

    public static void ConfigureDbContext(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, int maxRetryCount) =>
        options
            .UseNpgsql(dataSource, npgsql =>
            {
                npgsql.UseVector();
                npgsql.MigrationsAssembly(AppDbContext.MigrationsAssembly);
                // Retries transient failures (a restarted server, a dropped connection) on a fresh connection.
                npgsql.EnableRetryOnFailure(maxRetryCount);
            })
            .UseSnakeCaseNamingConvention();
}
