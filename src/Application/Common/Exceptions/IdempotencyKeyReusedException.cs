namespace NakamuraMisaki.Application.Common.Exceptions;

/// <summary>
/// An Idempotency-Key came back with a different request than the one it first stored: answering the first one's
/// result would silently drop this one. Nothing was written. Mapped to 422 (the IETF Idempotency-Key draft's answer).
/// </summary>
public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"Idempotency-Key '{key}' was already used for a different request; use a new key for a new request.");
