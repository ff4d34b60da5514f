namespace NakamuraMisaki.Application.Idempotency;

/// <summary>
/// Whose key it is: the same Idempotency-Key value from another API client or another acting user is another key,
/// so two callers who happen to pick the same value never see each other's responses.
/// </summary>
/// <param name="ActingUser">Empty when the request acts for no one (agent-task registration).</param>
/// <param name="Target">Method and path ("POST /api/v1/sessions/s-1/messages"): where a key copied from the
/// session messages' own column applies (ADR 0023).</param>
public sealed record IdempotencyKey(string Client, string ActingUser, string Value, string Target);

/// <summary>What a create answered, kept to be answered again byte for byte.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body);

/// <summary>How a request with an Idempotency-Key ended.</summary>
public abstract record IdempotencyOutcome
{
    private IdempotencyOutcome()
    {
    }

    /// <summary>The request ran now; its response was stored with the key when it succeeded.</summary>
    public sealed record Executed : IdempotencyOutcome;

    /// <summary>The key had answered this request before: the stored response, nothing ran.</summary>
    public sealed record Replayed(StoredResponse Response) : IdempotencyOutcome;

    /// <summary>The key had answered a different request (method, path or body): nothing ran.</summary>
    public sealed record KeyReused : IdempotencyOutcome;
}
