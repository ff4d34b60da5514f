using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NakamuraMisaki.Domain.Notes;
using NakamuraMisaki.Infrastructure.Persistence.Search;
using Pgvector;

namespace NakamuraMisaki.Infrastructure.Persistence.Configurations;

public sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    /// <summary>Shadow properties: the embedding belongs to search, not to the note (see <see cref="Note"/>).</summary>
    public const string Embedding = "Embedding";
    public const string EmbeddingModel = "EmbeddingModel";

    /// <summary>Times a working provider refused the note (column embedding_attempts); sets its back-off.</summary>
    public const string EmbeddingAttempts = "EmbeddingAttempts";

    /// <summary>Before this instant the backfill leaves the note alone (column embedding_retry_at).</summary>
    public const string EmbeddingRetryAt = "EmbeddingRetryAt";

    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.ToTable("notes", t => t.HasCheckConstraint(
            "ck_notes_embedding_has_model", "(embedding IS NULL) = (embedding_model IS NULL)"));
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.UserId).HasMaxLength(64).IsRequired();
        // No foreign key to sessions: notes outlive the sessions they came from (sessions are purged after 30 days).
        builder.Property(n => n.SessionId).HasMaxLength(Note.SessionIdMaxLength);
        builder.Property(n => n.Category).HasMaxLength(Note.CategoryMaxLength).IsRequired()
            .HasDefaultValue(Note.DefaultCategory);
        builder.Property(n => n.Content).IsRequired();
        // NULL = not embedded yet (the embedding service was down when the note was saved). Untyped: any model's
        // width fits; each (model, width) is indexed by its own partial HNSW index (NoteVectorIndexes).
        builder.Property<Vector?>(Embedding).HasColumnType("vector");
        builder.Property<string?>(EmbeddingModel).HasMaxLength(200);
        builder.Property<int>(EmbeddingAttempts).HasDefaultValue(0);
        builder.Property<DateTimeOffset?>(EmbeddingRetryAt);

        // Meaning search's HNSW indexes are not here: they depend on the configured model and width, so the
        // service creates them (CREATE INDEX CONCURRENTLY) for each model it is configured with; see NoteVectorIndexes.
        // The text side of search: the lexical engine's tokens (LexicalSearchSql), the same as messages'.
        builder.HasLexicalSearchTokens("ix_notes_search_tokens");
        // List by user, newest first; also narrows any per-user scan.
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => new { n.SessionId, n.CreatedAt }).HasFilter("session_id IS NOT NULL");
        // The backfill's backlog, small and kept small: notes still waiting for an embedding, in id order.
        builder.HasIndex(n => n.Id).HasFilter("embedding IS NULL").HasDatabaseName("ix_notes_unembedded");
    }
}
