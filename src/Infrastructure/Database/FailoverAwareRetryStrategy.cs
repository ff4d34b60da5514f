using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// EF Core's Npgsql retrying strategy, retrying what <see cref="DatabaseUnavailability"/> calls unavailable as well as
/// what Npgsql calls transient: a multi-host connection string's "No suitable host was found" during a failover is
/// neither transient nor has an inner exception, yet nothing was sent and a later attempt can find the new primary.
/// </summary>
public sealed class FailoverAwareRetryStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount)
{
    protected override bool ShouldRetryOn(Exception? exception) =>
        base.ShouldRetryOn(exception) || (exception is not null && DatabaseUnavailability.Explains(exception));
}
