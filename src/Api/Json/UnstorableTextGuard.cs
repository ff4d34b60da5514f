using NakamuraMisaki.Api.ErrorHandling;

namespace NakamuraMisaki.Api.Json;

/// <summary>
/// The same rule as <see cref="StorableStringConverter"/> for query strings and route values, which reach the database
/// as parameters: a NUL there would make PostgreSQL fail the statement (a 500) instead of a clear 400.
/// </summary>
internal static class UnstorableTextGuard
{
    public static void UseUnstorableTextGuard(this WebApplication app) => app.Use((context, next) =>
        FindUnstorable(context.Request) is { } offending ? WriteProblemAsync(context, offending) : next(context));

    // Every request passes here: plain loops, no allocation unless something is wrong.
    private static (string Field, string Problem)? FindUnstorable(HttpRequest request)
    {
        if (request.QueryString.HasValue)
        {
            foreach (var (field, values) in request.Query)
            {
                foreach (var value in values)
                {
                    if (StorableText.Problem(value ?? "") is { } problem)
                    {
                        return (field, problem);
                    }
                }
            }
        }

        foreach (var (field, value) in request.RouteValues)
        {
            if (StorableText.Problem(value as string ?? value?.ToString() ?? "") is { } problem)
            {
                return (field, problem);
            }
        }

        return null;
    }

    private static Task WriteProblemAsync(HttpContext context, (string Field, string Problem) offending) =>
        Problems.WriteAsync(context, Problems.Validation(offending.Field, offending.Problem)).AsTask();
}
