using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NakamuraMisaki.Domain.Handoffs;
using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Infrastructure.Persistence.Concurrency;
using NakamuraMisaki.Infrastructure.Persistence.Specifications;

namespace NakamuraMisaki.Infrastructure.Persistence.Configurations;

public sealed class HandoffConfiguration : IEntityTypeConfiguration<Handoff>
{
    /// <summary>
    /// The reminder lease (column reminder_claimed_until): until when one dispatcher owns the reminder. Only the
    /// dispatcher reads or writes it, so it is a shadow property rather than part of the domain entity.
    /// </summary>
    public const string ReminderClaimedUntil = "ReminderClaimedUntil";

    /// <summary>Transient failures of the reminder so far (column reminder_attempts): sets its back-off.</summary>
    public const string ReminderAttempts = "ReminderAttempts";

    public void Configure(EntityTypeBuilder<Handoff> builder)
    {
        builder.ToTable("handoffs", t =>
        {
            t.HasCheckConstraint("ck_handoffs_distinct_users", "from_user_id <> to_user_id");
            t.HasCheckConstraint("ck_handoffs_progress_note_not_blank", "btrim(progress_note) <> ''");
            t.HasCheckConstraint("ck_handoffs_next_steps_not_blank", "btrim(next_steps) <> ''");
        });
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.FromUserId).HasMaxLength(64).IsRequired();
        builder.Property(h => h.ToUserId).HasMaxLength(64).IsRequired();
        builder.Property(h => h.ProgressNote).IsRequired();
        builder.Property(h => h.NextSteps).IsRequired();
        builder.Property<DateTimeOffset?>(ReminderClaimedUntil);
        builder.Property<int>(ReminderAttempts).HasDefaultValue(0);
        builder.Property(h => h.ReminderError).HasMaxLength(100);
        builder.Ignore(h => h.Status);
        builder.HasXminVersion();

        // The task may be deleted while the hand-off lives on: the link is cleared, the hand-off kept.
        builder.HasOne<TaskItem>().WithMany().HasForeignKey(h => h.TaskId).OnDelete(DeleteBehavior.SetNull);

        // Serves the recipient's pending list: WHERE to_user_id = $1 AND completed_at IS NULL ORDER BY handoff_at.
        builder.HasIndex(h => new { h.ToUserId, h.HandoffAt }).HasFilter(HandoffSpecificationSql.Open)
            .HasDatabaseName("ix_handoffs_pending_to_user_id_handoff_at");
        // Serves the reminder claim, which scans only reminders not yet sent for open hand-offs, by handoff_at.
        // It stays small: a row leaves it once reminded, given up on, or completed.
        builder.HasIndex(h => h.HandoffAt).HasFilter(HandoffSpecificationSql.ReminderOutstanding)
            .HasDatabaseName("ix_handoffs_reminder_due");
        // Serves the sender's list: WHERE from_user_id = $1 ORDER BY handoff_at DESC.
        builder.HasIndex(h => new { h.FromUserId, h.HandoffAt });
    }
}
