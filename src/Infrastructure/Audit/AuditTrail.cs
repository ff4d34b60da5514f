using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Domain.Audit;
using NakamuraMisaki.Infrastructure.Persistence;

namespace NakamuraMisaki.Infrastructure.Audit;

/// <summary>
/// Writes audit events through the request's own <see cref="AppDbContext"/>, so an event can join the transaction of
/// the change it records: the change's statements (ExecuteDelete, SaveChanges) and the event's INSERT commit together,
/// under the retrying execution strategy (a transient failure re-runs the whole unit, never half of it).
/// </summary>
internal sealed class AuditTrail(AppDbContext db, IApiClient client, TimeProvider clock) : IAuditTrail
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Task<T> RecordWithAsync<T>(
        Func<CancellationToken, ValueTask<T>> change, Func<T, AuditEntry> describe, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear(); // a re-run starts from nothing
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await change(token);
            db.Add(ToEvent(describe(result)));
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) => RecordAsync([entry], cancellationToken);

    public async Task RecordAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        db.AddRange(entries.Select(ToEvent));
        await db.SaveChangesAsync(cancellationToken);
    }

    private AuditEvent ToEvent(AuditEntry entry) => AuditEvent.Create(
        clock.GetUtcNow(), entry.Client ?? client.Name ?? AuditClients.System, entry.ActingUser, entry.Operation,
        entry.ResourceId, entry.Outcome, entry.Details is null ? null : JsonSerializer.Serialize(entry.Details, entry.Details.GetType(), Json),
        entry.RemoteAddress, entry.Count);
}
