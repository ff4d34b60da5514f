using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Notes;
using Pgvector;
using static NakamuraMisaki.Infrastructure.Persistence.Configurations.NoteConfiguration;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

public sealed class NoteRepository(AppDbContext db) : INoteRepository
{
    public void Add(Note note, NoteEmbedding? embedding)
    {
        var entry = db.Notes.Add(note);
        if (embedding is not null)
        {
            entry.Property<Vector?>(Embedding).CurrentValue = new Vector(embedding.Vector);
            entry.Property<string?>(EmbeddingModel).CurrentValue = embedding.Model;
        }
    }

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public async Task<bool> DeleteAsync(Guid id, string userId, CancellationToken cancellationToken) =>
        await db.Notes.Where(n => n.Id == id && n.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<bool> SetEmbeddingAsync(Guid id, NoteEmbedding embedding, CancellationToken cancellationToken)
    {
        var vector = new Vector(embedding.Vector);
        return await db.Notes.Where(n => n.Id == id).ExecuteUpdateAsync(setters => setters
            .SetProperty(n => EF.Property<Vector?>(n, Embedding), vector)
            .SetProperty(n => EF.Property<string?>(n, EmbeddingModel), embedding.Model)
            .SetProperty(n => EF.Property<int>(n, EmbeddingAttempts), 0)
            .SetProperty(n => EF.Property<DateTimeOffset?>(n, EmbeddingRetryAt), (DateTimeOffset?)null), cancellationToken) > 0;
    }

    public async Task RecordEmbeddingFailureAsync(Guid id, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        var at = Timestamps.Normalize(retryAt);
        await db.Notes.Where(n => n.Id == id).ExecuteUpdateAsync(setters => setters
            .SetProperty(n => EF.Property<int>(n, EmbeddingAttempts), n => EF.Property<int>(n, EmbeddingAttempts) + 1)
            .SetProperty(n => EF.Property<DateTimeOffset?>(n, EmbeddingRetryAt), (DateTimeOffset?)at), cancellationToken);
    }
}
