using Mediator;

namespace NakamuraMisaki.Application.Idempotency.Commands.DeleteExpiredIdempotencyKeys;

/// <summary>
/// Frees the Idempotency-Keys whose retention window has passed, with their stored responses. An expired key that
/// is still in the table is already treated as free by the next claim; this pass only keeps the table small.
/// </summary>
public sealed record DeleteExpiredIdempotencyKeys : IRequest<DeleteExpiredIdempotencyKeysResponse>;

public sealed record DeleteExpiredIdempotencyKeysResponse(int Deleted);

public sealed class DeleteExpiredIdempotencyKeysHandler(IIdempotencyStore keys, TimeProvider clock)
    : IRequestHandler<DeleteExpiredIdempotencyKeys, DeleteExpiredIdempotencyKeysResponse>
{
    public async ValueTask<DeleteExpiredIdempotencyKeysResponse> Handle(
        DeleteExpiredIdempotencyKeys request, CancellationToken cancellationToken) =>
        new(await keys.DeleteExpiredAsync(clock.GetUtcNow(), cancellationToken));
}
