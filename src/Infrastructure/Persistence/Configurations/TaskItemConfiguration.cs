using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Infrastructure.Persistence.Concurrency;
using NakamuraMisaki.Infrastructure.Persistence.Specifications;

namespace NakamuraMisaki.Infrastructure.Persistence.Configurations;

public sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> builder)
    {
        builder.ToTable("tasks", t => t.HasCheckConstraint(
            "ck_tasks_status", TaskItemStatusNames.Words.SqlIn("status")));
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Title).HasMaxLength(TaskItem.TitleMaxLength).IsRequired();
        builder.Property(t => t.AssigneeUserId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.CreatorUserId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Status)
            .HasConversion(s => TaskItemStatusNames.Words.Name(s), s => TaskItemStatusNames.Words.Parse(s))
            .HasMaxLength(16);
        builder.Ignore(t => t.IsOpen);
        builder.HasXminVersion();

        // Serves list-by-assignee: WHERE assignee_user_id = $1 ORDER BY due_at (nulls last), created_at.
        builder.HasIndex(t => new { t.AssigneeUserId, t.DueAt, t.CreatedAt });
        // Serves overdue and stale scans, which look only at open tasks.
        builder.HasIndex(t => t.DueAt).HasFilter(TaskSpecificationSql.Open)
            .HasDatabaseName("ix_tasks_open_due_at");
        builder.HasIndex(t => t.UpdatedAt).HasFilter(TaskItemStatusNames.Words.SqlIn("status", TaskItemStatus.InProgress))
            .HasDatabaseName("ix_tasks_in_progress_updated_at");
        builder.HasIndex(t => t.CreatorUserId);
    }
}
