using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NakamuraMisaki.Application.AgentTasks.Commands;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Infrastructure.Persistence.Concurrency;

namespace NakamuraMisaki.Infrastructure.Persistence.Configurations;

public sealed class AgentTaskConfiguration : IEntityTypeConfiguration<AgentTask>
{
    public void Configure(EntityTypeBuilder<AgentTask> builder)
    {
        builder.ToTable("agent_tasks", t =>
        {
            t.HasCheckConstraint("ck_agent_tasks_status", AgentTaskNames.Status.SqlIn("status"));
            t.HasCheckConstraint("ck_agent_tasks_task_source", AgentTaskNames.Source.SqlIn("task_source"));
            t.HasCheckConstraint("ck_agent_tasks_task_type",
                "task_type = 'issue' OR (task_source = 'github' AND task_type = 'pull_request') " +
                "OR (task_source = 'gitlab' AND task_type = 'merge_request')");
            t.HasCheckConstraint("ck_agent_tasks_counters_not_negative",
                "llm_call_count >= 0 AND tool_call_count >= 0 AND total_tokens >= 0 AND compression_count >= 0");
        });
        builder.HasKey(t => t.Uuid);
        builder.Property(t => t.Uuid).ValueGeneratedNever();
        builder.Property(t => t.TaskSource)
            .HasConversion(s => AgentTaskNames.Source.Name(s), s => AgentTaskNames.Source.Parse(s)).HasMaxLength(16);
        builder.Property(t => t.TaskType)
            .HasConversion(s => AgentTaskNames.Type.Name(s), s => AgentTaskNames.Type.Parse(s)).HasMaxLength(16);
        builder.Property(t => t.Status)
            .HasConversion(s => AgentTaskNames.Status.Name(s), s => AgentTaskNames.Status.Parse(s)).HasMaxLength(16);
        builder.Property(t => t.Owner).HasMaxLength(AgentTaskFieldRules.OwnerMaxLength).IsRequired();
        builder.Property(t => t.Repo).HasMaxLength(AgentTaskFieldRules.RepoMaxLength).IsRequired();
        builder.Property(t => t.TaskId).HasMaxLength(AgentTaskFieldRules.TaskIdMaxLength).IsRequired();
        builder.Property(t => t.Hostname).HasMaxLength(AgentTaskFieldRules.HostnameMaxLength);
        builder.Property(t => t.LlmProvider).HasMaxLength(AgentTaskFieldRules.LlmProviderMaxLength);
        builder.Property(t => t.Model).HasMaxLength(AgentTaskFieldRules.ModelMaxLength);
        builder.Property(t => t.ErrorMessage).HasMaxLength(AgentTaskFieldRules.ErrorMessageMaxLength);
        // USER is a reserved word in PostgreSQL: unquoted, `SELECT user FROM agent_tasks` returns the session's role
        // name on every row instead of this column. EF Core would quote it, but hand-written SQL and psql sessions
        // would not; user_name cannot be misread. The API and the domain still call it `user`.
        builder.Property(t => t.User).HasColumnName("user_name").HasMaxLength(AgentTaskFieldRules.UserMaxLength);
        // Defaults matter for rows written outside EF Core (the tasks.db import); EF Core always sends its zeros.
        builder.Property(t => t.LlmCallCount).HasDefaultValue(0L);
        builder.Property(t => t.ToolCallCount).HasDefaultValue(0L);
        builder.Property(t => t.TotalTokens).HasDefaultValue(0L);
        builder.Property(t => t.CompressionCount).HasDefaultValue(0L);
        builder.Ignore(t => t.Target);
        builder.HasXminVersion();

        // Every list is newest first, so each filter's index ends in created_at: the first page is an index range
        // scan with no sort.
        builder.HasIndex(t => t.CreatedAt);
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
        builder.HasIndex(t => new { t.User, t.CreatedAt });
        builder.HasIndex(t => new { t.TaskSource, t.Owner, t.Repo, t.CreatedAt });
    }
}
