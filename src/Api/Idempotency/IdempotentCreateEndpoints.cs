using NakamuraMisaki.Api.OpenApi;

namespace NakamuraMisaki.Api.Idempotency;

/// <summary>
/// Marks the endpoints that create (the five creates and both message appends) as honouring
/// <see cref="IdempotencyKeyHeader.Name"/>: <see cref="IdempotencyMiddleware"/> acts on the marked ones only, and the
/// OpenAPI document shows the header on exactly those (<see cref="MarkedHeader.Transformer"/>).
/// </summary>
internal static class IdempotentCreateEndpoints
{
    private static readonly MarkedHeader Header = new(
        IdempotencyKeyHeader.Name, Required: false, IdempotencyKeyHeader.Description, MinLength: 1, IdempotencyKeyHeader.MaxLength);

    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(Header).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static bool AcceptsIdempotencyKey(this Endpoint endpoint) => Header.Marks(endpoint);
}
