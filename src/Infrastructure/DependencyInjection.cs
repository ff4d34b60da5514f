using System.Net.Http.Headers;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.AgentTasks;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Handoffs;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.Application.Idempotency;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Application.Sessions;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Application.Tasks;
using NakamuraMisaki.Infrastructure.Audit;
using NakamuraMisaki.Infrastructure.Backups;
using NakamuraMisaki.Infrastructure.Configuration;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.Infrastructure.Health;
using NakamuraMisaki.Infrastructure.Idempotency;
using NakamuraMisaki.Infrastructure.Jobs;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.Infrastructure.Persistence.Vectors;
using NakamuraMisaki.Infrastructure.Persistence.Repositories;
using NakamuraMisaki.Infrastructure.Reminders;
using NakamuraMisaki.Infrastructure.Sessions;
using NakamuraMisaki.Infrastructure.Slack;
using Npgsql;
using Polly;

namespace NakamuraMisaki.Infrastructure;

/// <summary>Everything Infrastructure provides, registered in one place: storage, providers, clients and jobs.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddDatabase(configuration);
        services.AddScoped<ITaskRepository, TaskRepository>();
        services.AddSingleton<ITaskReader, TaskReader>();
        services.AddScoped<IAgentTaskRepository, AgentTaskRepository>();
        services.AddScoped<IHandoffRepository, HandoffRepository>();
        services.AddScoped<INoteRepository, NoteRepository>();
        services.AddScoped<INoteReader, NoteReader>();
        services.AddSingleton<PgvectorFeatures>();
        services.AddSingleton<INoteVectorIndexes, NoteVectorIndexes>();
        services.AddScoped<ISessionRepository, SessionRepository>();
        services.AddScoped<ISessionHistoryRepository, SessionHistoryRepository>();
        services.AddScoped<ISessionMessageReader, SessionMessageReader>();
        services.AddSingleton<SessionHistoryTailReader>();
        services.AddSingleton<NakamuraMisaki.Application.Context.ITokenCounters, Context.TiktokenCounters>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IAuditEventRepository, AuditEventRepository>();
        services.AddValidatedOptions<SessionSettings, SessionSettingsValidator>(configuration, SessionSettings.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SessionSettings>>().Value);
        services.AddEmbeddings(configuration);
        services.AddSlack(configuration);
        services.AddBackgroundJobs(configuration);
        services.AddBackups(configuration);
        return services;
    }

    public static void ConfigureDbContext(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, int maxRetryCount) =>
        options
            .UseNpgsql(dataSource, npgsql =>
            {
                npgsql.UseVector();
                npgsql.MigrationsAssembly(AppDbContext.MigrationsAssembly);
                // Retries transient failures (a restarted server, a dropped connection, a failover) on a fresh connection.
                npgsql.ExecutionStrategy(dependencies => new FailoverAwareRetryStrategy(dependencies, maxRetryCount));
            })
            .UseSnakeCaseNamingConvention();

    private static void AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(configuration, DatabaseOptions.Section);
        // Resolved lazily: the connection string may be filled in at startup by the embedded cluster.
        services.AddSingleton(sp => NpgsqlDataSourceFactory.Create(
            sp.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName)
                ?? throw new InvalidOperationException("ConnectionStrings:Default is not set."),
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddDbContextPool<AppDbContext>((sp, options) =>
            ConfigureDbContext(options, sp.GetRequiredService<NpgsqlDataSource>(),
                sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.MaxRetryCount));
        services.AddSingleton<TransientReadRetry>();
        // Anywhere in the pipeline: it turns only the database's own exceptions into the Application's.
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(DatabaseExceptionTranslation<,>));
        services.AddScoped<DatabaseStatusReader>();
        services.AddSingleton<ReplicationLagMetrics>();
        services.AddSingleton<ReadOnlyDataSource>();
        services.AddScoped<StaleTolerantReads>();
        // A host that migrates in the background registers its own, closed until the migrations are applied.
        services.TryAddSingleton(new DatabaseSchemaReadiness(migratingInBackground: false));
    }

    /// <summary>
    /// The provider is an ordinary IEmbeddingGenerator singleton, so a host (or a test) can replace it; the
    /// application reaches it only through <see cref="ITextEmbedder"/>.
    /// </summary>
    private static void AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EmbeddingOptions, EmbeddingOptionsValidator>(configuration, EmbeddingOptions.Section);
        services.AddSingleton(sp => EmbeddingGeneratorFactory.Create(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        services.AddSingleton<EmbeddingCircuitBreaker>();
        services.AddSingleton<ITextEmbedder, TextEmbedder>();
    }

    private static void AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SlackOptions, SlackOptionsValidator>(configuration, SlackOptions.Section);
        services.AddHttpClient<SlackClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
                // A base address without a trailing slash would drop its last segment ("…/api" + "chat.postMessage").
                var root = options.BaseAddress.AbsoluteUri;
                http.BaseAddress = new Uri(root.EndsWith('/') ? root : root + "/");
                if (options.HasBotToken)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.BotToken);
                }
            })
            // Only a timeout, deliberately no retry: a POST that timed out may still have reached Slack, and retrying
            // it at once would post the DM twice. The reminder use case retries on its next pass instead, and handles
            // 429 Retry-After itself, for all of its pending sends.
            .AddResilienceHandler("slack", (pipeline, context) => pipeline.AddTimeout(
                context.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.Timeout));
        services.AddTransient<IHandoffReminderSender>(sp => sp.GetRequiredService<SlackClient>());
    }

    /// <summary>Each job reads its Enabled flag when it starts; all run through <see cref="PeriodicJob"/>.</summary>
    private static void AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SessionCleanupOptions, SessionCleanupOptionsValidator>(configuration, SessionCleanupOptions.Section);
        services.AddValidatedOptions<ReminderOptions, ReminderOptionsValidator>(configuration, ReminderOptions.Section);
        services.AddScoped<IHandoffReminderQueue, HandoffReminderQueue>();
        services.AddHostedService<NoteEmbeddingBackfillJob>();
        services.AddHostedService<NoteVectorIndexJob>();
        services.AddHostedService<SessionCleanupJob>();
        services.AddHostedService<HandoffReminderJob>();
        services.AddValidatedOptions<IdempotencyOptions, IdempotencyOptionsValidator>(configuration, IdempotencyOptions.Section);
        services.AddHostedService<IdempotencyKeyCleanupJob>();
        services.AddValidatedOptions<AuditOptions, AuditOptionsValidator>(configuration, AuditOptions.Section);
        services.AddHostedService<AuditRetentionJob>();
        services.AddHostedService<AuditRefusalsJob>();
    }
}
