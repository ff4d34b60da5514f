using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Infrastructure.Persistence.Configurations;

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions", t =>
        {
            t.HasCheckConstraint("ck_sessions_message_count", "message_count >= 0");
            t.HasCheckConstraint("ck_sessions_last_message_seq", "last_message_seq >= 0");
        });
        builder.HasKey(s => s.SessionId);
        builder.Property(s => s.SessionId).HasMaxLength(Session.SessionIdMaxLength).ValueGeneratedNever();
        builder.Property(s => s.UserId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Title).HasMaxLength(Session.TitleMaxLength).IsRequired();
        builder.Property(s => s.WorkspacePath).HasMaxLength(Session.WorkspacePathMaxLength);
        builder.Property(s => s.Options).HasColumnType("jsonb").IsRequired().HasDefaultValueSql("'{}'::jsonb");

        // latest(user) and list(user): WHERE user_id = $1 [AND is_active] ORDER BY last_active DESC.
        builder.HasIndex(s => new { s.UserId, s.LastActive });
        // Expiry and deletion scan by idleness across all users.
        builder.HasIndex(s => s.LastActive);
    }
}
