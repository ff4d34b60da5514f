using Microsoft.AspNetCore.Mvc;

namespace NakamuraMisaki.Api.ErrorHandling;

/// <summary>
/// The one writer of problem bodies (RFC 9457). The exception handler and every guard that refuses a request before
/// an endpoint runs (method rules, charset, unstorable text, Idempotency-Key, rate limit, API key) build their body
/// here and write it through <see cref="IProblemDetailsService"/>, so each gets the same shape, trace_id and count.
/// </summary>
internal static class Problems
{
    public static ProblemDetails Of(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    /// <summary>400 whose <c>errors</c> name each field of the request that is wrong.</summary>
    public static ValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
            Detail = "See errors: each key names a field of the request.",
        };

    public static ValidationProblemDetails Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Sets the response status to the problem's and writes it.</summary>
    public static ValueTask<bool> WriteAsync(HttpContext context, ProblemDetails problem, Exception? exception = null)
    {
        context.Response.StatusCode = problem.Status!.Value;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, ProblemDetails = problem, Exception = exception,
        });
    }
}
