namespace NakamuraMisaki.Application.Common.Exceptions;

/// <summary>
/// The database could not be reached or refused to work for now (restarting, failing over, timing out). Nothing the
/// request asked for was committed, unless the database went away during its COMMIT and did not come back in time to
/// say (ADR 0022): a retry with the same Idempotency-Key answers either way. Mapped to 503 with Retry-After.
/// Infrastructure decides what counts as "unavailable", in one place.
/// </summary>
public sealed class DatabaseUnavailableException(Exception innerException)
    : Exception("The database is not reachable right now.", innerException);
