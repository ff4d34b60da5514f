using Npgsql;

namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// The one definition of "the database is unavailable right now": the failures that a new connection, a moment
/// later, may not meet. Reads are retried on them (<see cref="TransientReadRetry"/>) and a request that still meets
/// one answers 503 (as <see cref="Application.Common.Exceptions.DatabaseUnavailableException"/>). A failure mode
/// that belongs here (e.g. a failover's) is added here and nowhere else.
/// </summary>
public static class DatabaseUnavailability
{
    /// <summary>Whether <paramref name="exception"/> or any exception inside it says the database is unavailable.</summary>
    public static bool Explains(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (IsUnavailable(e))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnavailable(Exception e) => e switch
    {
        // NpgsqlTransientExceptionDetector's rule, which EF Core's retrying strategy applies too.
        NpgsqlException { IsTransient: true } => true,
        // The server is shutting down or still starting: a restart, not a fault of the request.
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow } => true,
        TimeoutException => true,
        _ => false,
    };
}
