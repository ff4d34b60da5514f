using Microsoft.AspNetCore.Mvc;

namespace NakamuraMisaki.Api.Json;

/// <summary>
/// The same rule as <see cref="StorableStringConverter"/> for query strings and route values, which reach the database
/// as parameters: a NUL there would make PostgreSQL fail the statement (a 500) instead of a clear 400.
/// </summary>
internal static class UnstorableTextGuard
{
    public static void UseUnstorableTextGuard(this WebApplication app) => app.Use(async (context, next) =>
    {
        var offending = context.Request.Query.SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? "")))
            .Concat(context.Request.RouteValues.Select(r => (r.Key, Value: r.Value?.ToString() ?? "")))
            .Select(p => (p.Key, Problem: StorableText.Problem(p.Value)))
            .FirstOrDefault(p => p.Problem is not null);
        if (offending.Problem is null)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]> { [offending.Key] = [offending.Problem] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
            },
        });
    });
}
