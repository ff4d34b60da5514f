namespace NakamuraMisaki.Api.Concurrency;

/// <summary>How a resource's endpoints opt in to ETag / If-Match (README "Concurrency: ETag and If-Match").</summary>
public static class ConcurrencyEndpointExtensions
{
    /// <summary>ETag on every response of the group that returns one versioned resource.</summary>
    public static RouteGroupBuilder WithETags(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ETagFilter>();
        return group;
    }

    /// <summary>Documents the 412 of an endpoint that binds <see cref="IfMatch"/>.</summary>
    public static RouteHandlerBuilder ProducesPreconditionFailed(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
