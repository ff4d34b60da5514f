using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Api.Json;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Api.ErrorHandling;

/// <summary>
/// The one place where exceptions become HTTP answers (RFC 9457 problem details). Client mistakes are 4xx naming the
/// field; an unreachable database is 503; anything else is a 500 whose body carries no stack trace or SQL.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException e => Validation(e.Errors.GroupBy(f => FieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray())),
            BadHttpRequestException e => BadRequest(e),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
            DomainRuleViolationException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
            StaleVersionException e => PreconditionFailed(e.Message),
            // Without If-Match the command was already retried on the row as it is now (ConcurrentChangeRetryBehaviour);
            // with it, the behaviour answered StaleVersionException. What is left is a storm of writers: a conflict.
            ConcurrentChangeException => Problem(StatusCodes.Status409Conflict, "Conflict",
                "The resource was changed by another request; read it again and retry."),
            DuplicateResourceException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
            MissingReferenceException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
            DatabaseUnavailableException => Unavailable(context),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Internal server error",
                "The server could not complete the request. It has been logged.");
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable for {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, ProblemDetails = problem, Exception = exception,
        });
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails PreconditionFailed(string detail) =>
        Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", detail);

    private static ValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
            Detail = "See errors: each key names a field of the request.",
        };

    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return Problem(exception.StatusCode, ReasonPhrases.GetReasonPhrase(exception.StatusCode), exception.Message);
        }

        if (exception.InnerException is JsonException json)
        {
            var field = JsonPathField(json.Path + (json as InvalidJsonValueException)?.InnerPath);
            return Validation(new Dictionary<string, string[]>
            {
                [field] = [field switch
                {
                    _ when json is InvalidJsonValueException => json.Message,
                    _ when json.Message.StartsWith("Duplicate", StringComparison.Ordinal) => $"'{field}' appears more than once; send it once.",
                    "body" => "The body is not valid JSON for this request.",
                    _ when json.Message.Contains("could not be mapped", StringComparison.Ordinal) => $"'{field}' is not a field of this request.",
                    _ => $"'{field}' has a value of the wrong type or format.",
                }],
            });
        }

        return BindingFailure.TryParse(exception.Message) is { } failure
            ? Validation(new Dictionary<string, string[]> { [FieldName(failure.Name)] = [failure.Message] })
            : Problem(StatusCodes.Status400BadRequest, "Bad request", "The request could not be read.");
    }

    /// <summary>"$.due_at" → "due_at"; "$.items[2].title" → "items[2].title"; "$" or none → "body".</summary>
    private static string JsonPathField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>Names a request member as the client sent it: a JSON/query name in snake_case, or the acting user's header.</summary>
    private static string FieldName(string propertyName) => propertyName == ActingUserRules.FailureName
        ? CurrentUser.Header
        : string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));

    private static ProblemDetails Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            "The database is not reachable right now. Retry shortly; nothing was changed by a request that got this answer.");
    }
}
