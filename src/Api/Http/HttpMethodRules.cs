using NakamuraMisaki.Api.ErrorHandling;

namespace NakamuraMisaki.Api.Http;

/// <summary>
/// Methods as RFC 9110 §9 defines them, where ASP.NET Core's routing differs: routing matches methods
/// case-insensitively (so "delete" deleted) and minimal APIs do not answer HEAD on GET routes.
/// </summary>
internal static class HttpMethodRules
{
    /// <summary>Call where routing should happen: HEAD is routed as GET, then a method not in upper case is refused.</summary>
    public static void UseHttpMethodRules(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Routed as GET; the server still knows the request was HEAD and sends the headers without the body.
            if (context.Request.Method == HttpMethods.Head)
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        app.UseRouting();
        app.Use((context, next) => context.Request.Method.AsSpan().ContainsAnyInRange('a', 'z') && context.GetEndpoint() is RouteEndpoint endpoint
            ? RefuseAsync(context, endpoint)
            : next(context));
    }

    /// <summary>Methods are case-sensitive (RFC 9110 §9.1): "delete" is not DELETE, so this route does not allow it.</summary>
    private static Task RefuseAsync(HttpContext context, RouteEndpoint matched)
    {
        var allowed = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText == matched.RoutePattern.RawText)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return Problems.WriteAsync(context, Problems.Of(StatusCodes.Status405MethodNotAllowed, "Method not allowed",
            $"Methods are case-sensitive: '{context.Request.Method}' is not one of {string.Join(", ", allowed)}.")).AsTask();
    }
}
