using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Infrastructure.Persistence.Search;

namespace NakamuraMisaki.Infrastructure.Persistence.Configurations;

public sealed class SessionMessageConfiguration : IEntityTypeConfiguration<SessionMessage>
{
    public void Configure(EntityTypeBuilder<SessionMessage> builder)
    {
        builder.ToTable("session_messages", t =>
        {
            t.HasCheckConstraint("ck_session_messages_role", MessageRoleNames.Words.SqlIn("role"));
            t.HasCheckConstraint("ck_session_messages_seq", "seq >= 1");
        });
        // Reads go by session and seq (a cursor, the last N, trimming): the key is their index.
        builder.HasKey(m => new { m.SessionId, m.Seq });
        builder.Property(m => m.Seq).ValueGeneratedNever();
        builder.Property(m => m.Role)
            .HasConversion(r => MessageRoleNames.Words.Name(r), r => MessageRoleNames.Words.Parse(r)).HasMaxLength(16);
        builder.Property(m => m.Content).IsRequired();
        builder.Property(m => m.SlackTs).HasMaxLength(SessionMessage.SlackTsMaxLength);
        builder.Property(m => m.Metadata).HasColumnType("jsonb").IsRequired().HasDefaultValueSql("'{}'::jsonb");

        // Deleting a session deletes its history (by the API or delete-inactive); notes have no such key and stay.
        builder.HasOne<Session>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);

        // One Slack message is stored once per session; also how a retried append finds it.
        builder.HasIndex(m => new { m.SessionId, m.SlackTs }).IsUnique().HasFilter("slack_ts IS NOT NULL");
        // Message search: the lexical engine's tokens (LexicalSearchSql), the same as the notes' text side.
        builder.HasLexicalSearchTokens("ix_session_messages_search_tokens");
    }
}
