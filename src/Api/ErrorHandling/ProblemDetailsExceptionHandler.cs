using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Api.ErrorHandling;

/// <summary>
/// The one place where exceptions become HTTP answers (RFC 9457 problem details). Client mistakes are 4xx naming the
/// field; an unreachable database is 503; anything else is a 500 whose body carries no stack trace or SQL.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException e => Problems.Validation(e.Errors.GroupBy(f => FieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray())),
            BadHttpRequestException e => BadRequest(context, e),
            NotFoundException e => Problems.Of(StatusCodes.Status404NotFound, "Not found", e.Message),
            DomainRuleViolationException e => Problems.Of(StatusCodes.Status409Conflict, "Conflict", e.Message),
            StaleVersionException e => Problems.Of(StatusCodes.Status412PreconditionFailed, "Precondition failed", e.Message),
            // Without If-Match the command was already retried on the row as it is now (ConcurrentChangeRetryBehaviour);
            // with it, the behaviour answered StaleVersionException. What is left is a storm of writers: a conflict.
            ConcurrentChangeException => Problems.Of(StatusCodes.Status409Conflict, "Conflict",
                "The resource was changed by another request; read it again and retry."),
            DuplicateResourceException e => Problems.Of(StatusCodes.Status409Conflict, "Conflict", e.Message),
            MissingReferenceException e => Problems.Of(StatusCodes.Status409Conflict, "Conflict", e.Message),
            DatabaseUnavailableException => Unavailable(context),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problems.Of(StatusCodes.Status500InternalServerError, "Internal server error",
                "The server could not complete the request. It has been logged.");
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable for {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        return await Problems.WriteAsync(context, problem, exception);
    }

    /// <summary>
    /// A request the framework could not read: its status as it gave it (413 for a body over the limit), or a 400 naming
    /// the field, found from the exception's JSON cause or the endpoint's signature, never from message text.
    /// </summary>
    private static ProblemDetails BadRequest(HttpContext context, BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return Problems.Of(exception.StatusCode, ReasonPhrases.GetReasonPhrase(exception.StatusCode), exception.Message);
        }

        var failed = context.Features.GetRequiredFeature<IExceptionHandlerFeature>();
        if (exception.InnerException is JsonException json)
        {
            var (field, message) = JsonBodyFailure.Describe(context, failed.Endpoint, json);
            return Problems.Validation(field, message);
        }

        return BindingFailure.Find(context, failed) is { } failure
            ? Problems.Validation(FieldName(failure.Name), failure.Message)
            : Problems.Of(StatusCodes.Status400BadRequest, "Bad request", "The request could not be read.");
    }

    /// <summary>Names a request member as the client sent it: a JSON/query name in snake_case, or the acting user's header.</summary>
    private static string FieldName(string propertyName) => propertyName == ActingUserRules.FailureName
        ? CurrentUser.Header
        : string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));

    private static ProblemDetails Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return Problems.Of(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            "The database is not reachable right now. Retry shortly; nothing was changed by a request that got this answer.");
    }
}
