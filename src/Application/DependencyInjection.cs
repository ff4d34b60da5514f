using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Common.Behaviours;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Validation first: a refused request is not retried. The retry wraps the handler alone.
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(ConcurrentChangeRetryBehaviour<,>)];
        });
        // One message per field: the first rule a value breaks (an empty id is not also "not a Slack id").
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        // Messages name fields as the API spells them ('assignee_user_id', not 'Assignee User Id').
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        services.AddScoped<NoteEmbeddingPass>();
        services.AddSingleton<AppMeter>();
        return services;
    }
}
