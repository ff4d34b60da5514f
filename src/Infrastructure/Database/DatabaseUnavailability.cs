using Npgsql;

namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// The one definition of "the database is unavailable right now": the failures that a new connection, a moment
/// later, may not meet. EF Core's retries (<see cref="FailoverAwareRetryStrategy"/>) and <see cref="TransientReadRetry"/>
/// retry them, a request that still meets one answers 503 (as
/// <see cref="Application.Common.Exceptions.DatabaseUnavailableException"/>), readiness and the jobs' logs say why
/// (<see cref="Reason"/>). A failure mode that belongs here (e.g. a failover's) is added here and nowhere else.
/// </summary>
public static class DatabaseUnavailability
{
    /// <summary>
    /// What a multi-host data source (Host=a,b) throws when every host is, as far as it knows, offline or of the wrong
    /// role: e.g. the primary just died and the standby is not promoted yet, or is promoted but still remembered as a
    /// standby until Host Recheck Seconds pass. Npgsql gives it no type, inner exception or IsTransient of its own.
    /// </summary>
    private const string NoSuitableHost = "No suitable host was found.";

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
        PostgresException postgres => IsFailoverState(postgres.SqlState),
        NpgsqlException { Message: NoSuitableHost } => true,
        // "Unable to connect to a suitable host": one failure per host, each unavailable in its own way.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Explains),
        TimeoutException => true,
        _ => false,
    };

    /// <summary>Why the database is unavailable, for readiness and logs; names no host, user or SQL.</summary>
    public static string Reason(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction }:
                    return "The server is read-only (a standby); the primary is elsewhere or not promoted yet.";
                case PostgresException postgres when IsFailoverState(postgres.SqlState):
                    return $"The server is shutting down or starting up (SQLSTATE {postgres.SqlState}).";
                case NpgsqlException { Message: NoSuitableHost }:
                case AggregateException:
                    return "No server in the connection string is reachable in the required role (no primary: a " +
                           "failover may be in progress).";
                case TimeoutException:
                    return "The database did not answer in time.";
                case System.Net.Sockets.SocketException or IOException:
                    return "The database server is unreachable (connection refused or dropped).";
            }
        }

        return $"The database failed: {exception.GetBaseException().GetType().Name}.";
    }

    /// <summary>The server is shutting down, crashed or still starting: a restart or failover, not the request's fault.</summary>
    private static bool IsFailoverState(string sqlState) => sqlState is
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
        // A write that reached a server which is a standby now (a demoted old primary): a primary is elsewhere.
        or PostgresErrorCodes.ReadOnlySqlTransaction;
}
