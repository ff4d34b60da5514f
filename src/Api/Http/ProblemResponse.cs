using Microsoft.AspNetCore.Mvc;

namespace NakamuraMisaki.Api.Http;

/// <summary>Problem details written by middleware that refuses a request before any endpoint runs.</summary>
internal static class ProblemResponse
{
    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}
