using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Api.Concurrency;

/// <summary>
/// Sets the ETag header on every response whose value carries a row version (<see cref="IVersioned"/>): one filter on
/// a route group covers GET, POST and PATCH alike, and lists (which carry no single version) get none.
/// </summary>
internal sealed class ETagFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (VersionOf(result) is { } version)
        {
            context.HttpContext.Response.Headers.ETag = EntityTag.Format(version);
        }

        return result;
    }

    private static uint? VersionOf(object? result) => result switch
    {
        INestedHttpResult nested => VersionOf(nested.Result), // Results<Created<T>, Ok<T>>
        IValueHttpResult { Value: IVersioned versioned } => versioned.Version,
        _ => null,
    };
}
