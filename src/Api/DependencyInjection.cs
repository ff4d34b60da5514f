using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NakamuraMisaki.Api.ErrorHandling;
using NakamuraMisaki.Api.Health;
using NakamuraMisaki.Api.Idempotency;
using NakamuraMisaki.Api.Json;
using NakamuraMisaki.Api.OpenApi;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Api.Observability;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Infrastructure.Health;

namespace NakamuraMisaki.Api;

/// <summary>The Api's own services: observability, security, HTTP conventions, OpenAPI and health checks.</summary>
internal static class DependencyInjection
{
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        builder.AddObservability();
        builder.AddApiSecurity();
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
        // Binding failures (malformed JSON, a non-UUID id) throw, so the exception handler can name the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["trace_id"] = context.HttpContext.TraceIdentifier;
            // Called once per problem written, whoever writes it: the exception handler or the status code pages.
            context.HttpContext.RequestServices.GetRequiredService<ProblemResponseCounter>()
                .Record(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IUser, CurrentUser>();
        services.AddSingleton<IApiClient, CurrentApiClient>();
        services.AddApiDocument();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddSchemaCheck(HealthEndpoints.SchemaCheck, [HealthEndpoints.ReadyTag]);
        // An unreachable server must not hold readiness for the full connect timeout.
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                registration.Timeout = TimeSpan.FromSeconds(5);
            }
        });
        return builder;
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.Converters.Add(new EnumWordsConverterFactory());
        // A misspelt field ("asignee_user_id") is an error, not silently ignored.
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // "Title" is not "title": the API documents snake_case names and refuses unknown fields (issue #18).
        json.PropertyNameCaseInsensitive = false;
        // {"title":"a","title":"b"} says two things (RFC 8259 §4): refused, not last-one-wins.
        json.AllowDuplicateProperties = false;
        json.MaxDepth = 32;
        // "limit": "10" is a type error, not a number: the web defaults would quietly accept it.
        json.NumberHandling = JsonNumberHandling.Strict;
        json.Converters.Add(new StorableStringConverter());
        json.Converters.Add(new StoredJsonConverter());
    }
}
