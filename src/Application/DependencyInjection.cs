using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Behaviours;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Validation first: a refused request is not retried. The audit transaction wraps the retries (each a
            // fresh read of the row inside it); the retry wraps the handler alone.
            options.PipelineBehaviors =
                [typeof(ValidationBehaviour<,>), typeof(AuditBehaviour<,>), typeof(ConcurrentChangeRetryBehaviour<,>)];
        });
        // One message per field: the first rule a value breaks (an empty id is not also "not a Slack id").
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        // Messages name fields as the API spells them ('assignee_user_id', not 'Assignee User Id').
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
        // A host that serves requests replaces this with who the request acts for (a singleton, so validators can ask).
        services.TryAddSingleton<IUser, NoActingUser>();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        services.AddScoped<NoteEmbeddingPass>();
        services.AddScoped<SessionHistoryAppender>();
        services.AddScoped<NakamuraMisaki.Application.Context.ContextSources>();
        services.AddSingleton<AppMeter>();
        services.AddSingleton<ReminderMetrics>();
        services.AddSingleton<NakamuraMisaki.Application.Backups.BackupMetrics>();
        services.AddSingleton<NakamuraMisaki.Application.Notes.Embeddings.EmbeddingMetrics>();
        services.AddSingleton<NakamuraMisaki.Application.Notes.Queries.SearchNotes.SearchMetrics>();
        services.AddSingleton<NakamuraMisaki.Application.Idempotency.IdempotencyMetrics>();
        // Per instance, across passes: while the recipient service's rate limit holds, this instance sends nothing.
        services.AddSingleton<ReminderRateLimit>();
        services.AddSingleton<ReminderSendingHalt>();
        services.AddSingleton<AuthenticationFailureTally>();
        // A host that serves requests replaces this with the request's API client.
        services.TryAddSingleton<IApiClient, NoApiClient>();
        return services;
    }
}
