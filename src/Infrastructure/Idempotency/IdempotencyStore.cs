using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Idempotency;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Persistence;

namespace NakamuraMisaki.Infrastructure.Idempotency;

/// <summary>
/// The key is claimed with INSERT … ON CONFLICT in the transaction that then runs the create (the request scope's
/// one <see cref="AppDbContext"/>, which the create's repositories share) and stores its response. A second request
/// with the same key blocks on the first one's uncommitted row, in PostgreSQL, on whichever instance it arrived:
/// when the first commits it reads the stored response; when the first rolls back (refused, crashed) it claims the key
/// itself. No polling and no "in progress" state is ever visible outside the claiming transaction.
/// </summary>
internal sealed class IdempotencyStore(
    AppDbContext db, TimeProvider clock, IOptions<IdempotencyOptions> options, IdempotencyMetrics metrics)
    : IIdempotencyStore
{
    public async Task<IdempotencyOutcome> ExecuteOnceAsync(
        IdempotencyKey key, byte[] requestHash, Func<CancellationToken, Task<StoredResponse?>> execute,
        CancellationToken cancellationToken)
    {
        try
        {
            // Claim, create and stored response are one verified transaction (ADR 0022): the create's SaveChanges joins
            // it, a dropped connection retries all three together, and a commit whose answer was lost answers as made.
            return await db.InVerifiedTransactionAsync(
                token => AttemptAsync(key, requestHash, execute, token), cancellationToken);
        }
        catch (Refused)
        {
            return new IdempotencyOutcome.Executed();
        }
        catch (Exception e) when (e is not DatabaseUnavailableException && DatabaseUnavailability.Explains(e))
        {
            // The claim and the commit are not mediator requests, so the pipeline's translation does not see them:
            // still 503, as for any request while the database is away.
            throw new DatabaseUnavailableException(e);
        }
    }

    /// <remarks>
    /// Also deletes the commit markers (ADR 0022) past their hour, by the database's clock, which wrote them: the other
    /// record kept only so that a retry can tell what its first attempt did.
    /// </remarks>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM commit_markers WHERE created_at < now() - {CommitMarker.Retention}", cancellationToken);
        return await db.Set<IdempotencyRecord>().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<IdempotencyOutcome> AttemptAsync(
        IdempotencyKey key, byte[] requestHash, Func<CancellationToken, Task<StoredResponse?>> execute,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear(); // what a failed attempt added must not be saved by this one
        if (!await ClaimAsync(key, requestHash, clock.GetUtcNow(), cancellationToken))
        {
            return await AnswerOfClaimedAsync(key, requestHash, cancellationToken);
        }

        // Null: refused. Throwing rolls back the claim with whatever the create wrote (nothing is committed).
        if (await execute(cancellationToken) is not { } response)
        {
            throw new Refused();
        }

        await Matching(key).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.StatusCode, response.StatusCode)
            .SetProperty(r => r.ContentType, response.ContentType)
            .SetProperty(r => r.Location, response.Location)
            .SetProperty(r => r.ETag, response.ETag)
            .SetProperty(r => r.Body, response.Body), cancellationToken);
        return new IdempotencyOutcome.Executed();
    }

    /// <summary>
    /// True when this transaction now holds the key: it was free, or held by a key past its retention (which counts as
    /// free even before the clean-up pass deletes it). Blocks while another transaction holds it uncommitted.
    /// </summary>
    private async Task<bool> ClaimAsync(IdempotencyKey key, byte[] requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expiresAt = now.AddHours(options.Value.RetentionHours);
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO idempotency_keys (client, acting_user, "key", request_hash, created_at, expires_at)
            SELECT {key.Client}, {key.ActingUser}, {key.Value}, {requestHash}, {now}, {expiresAt}
            WHERE NOT EXISTS (SELECT FROM idempotency_keys WHERE client = {CopiedKeyClient(key)}
                              AND acting_user = {key.ActingUser} AND "key" = {key.Value} AND expires_at > {now})
            ON CONFLICT (client, acting_user, "key") DO UPDATE
                SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
                    expires_at = EXCLUDED.expires_at, status_code = NULL, content_type = NULL, location = NULL,
                    etag = NULL, body = NULL
                WHERE idempotency_keys.expires_at <= {now}
            """, cancellationToken);
        return claimed == 1;
    }

    private async Task<IdempotencyOutcome> AnswerOfClaimedAsync(
        IdempotencyKey key, byte[] requestHash, CancellationToken cancellationToken)
    {
        var copied = CopiedKeyClient(key);
        var stored = await db.Set<IdempotencyRecord>().AsNoTracking()
            .Where(r => (r.Client == key.Client || r.Client == copied) && r.ActingUser == key.ActingUser && r.Key == key.Value)
            .OrderBy(r => r.Client == copied) // this client's own key first
            .FirstAsync(cancellationToken);
        if (stored.Client != copied && !stored.RequestHash.AsSpan().SequenceEqual(requestHash))
        {
            metrics.Conflict();
            return new IdempotencyOutcome.KeyReused();
        }

        metrics.Replayed();

        // A committed key always carries its response (see IdempotencyRecord.StatusCode).
        return new IdempotencyOutcome.Replayed(new StoredResponse(
            stored.StatusCode ?? throw new InvalidOperationException("A committed Idempotency-Key has no response."),
            stored.ContentType, stored.Location, stored.ETag, stored.Body ?? []));
    }

    /// <summary>
    /// Where a key copied from session_messages.idempotency_key lives (migration CommitMarkersAndOneIdempotencyStore,
    /// ADR 0023): a key of the session's owner for any client, on that session's append, until it expires one
    /// retention period after the migration. Its request body is unknown, so it answers any body (no 422). Once
    /// every copied key has expired this and the NOT EXISTS of the claim can go.
    /// </summary>
    internal static string CopiedKeyClient(IdempotencyKey key) => "* " + key.Target;

    /// <summary>The endpoint refused the request: leaving the transaction uncommitted frees the key again.</summary>
    private sealed class Refused : Exception;

    private IQueryable<IdempotencyRecord> Matching(IdempotencyKey key) =>
        db.Set<IdempotencyRecord>().Where(r =>
            r.Client == key.Client && r.ActingUser == key.ActingUser && r.Key == key.Value);
}
