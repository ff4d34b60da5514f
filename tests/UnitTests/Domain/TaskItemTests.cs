using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.UnitTests.Domain;

public sealed class TaskItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);

    private static TaskItem NewTask(DateTimeOffset? dueAt = null) =>
        TaskItem.Create("資料", null, "U1", "U2", dueAt, Now);

    [Fact]
    public void A_new_task_is_pending_with_created_and_updated_at_now()
    {
        var task = NewTask();
        Assert.Equal(TaskItemStatus.Pending, task.Status);
        Assert.Equal(Now, task.CreatedAt);
        Assert.Equal(Now, task.UpdatedAt);
        Assert.Null(task.CompletedAt);
        Assert.Equal(7, task.Id.Version);
    }

    [Fact]
    public void Starting_moves_pending_to_in_progress()
    {
        var task = NewTask();
        task.Start(Now.AddMinutes(1));
        Assert.Equal(TaskItemStatus.InProgress, task.Status);
        Assert.Equal(Now.AddMinutes(1), task.UpdatedAt);
    }

    [Fact]
    public void Completing_sets_completed_at()
    {
        var task = NewTask();
        task.Start(Now);
        task.Complete(Now.AddHours(1));
        Assert.Equal(TaskItemStatus.Completed, task.Status);
        Assert.Equal(Now.AddHours(1), task.CompletedAt);
    }

    [Fact]
    public void Cancelling_leaves_completed_at_empty()
    {
        var task = NewTask();
        task.Cancel(Now);
        Assert.Equal(TaskItemStatus.Cancelled, task.Status);
        Assert.Null(task.CompletedAt);
    }

    [Fact]
    public void Completing_a_cancelled_task_is_a_rule_violation_and_changes_nothing()
    {
        var task = NewTask();
        task.Cancel(Now);
        Assert.Throws<DomainRuleViolationException>(() => task.Complete(Now.AddDays(1)));
        Assert.Equal(TaskItemStatus.Cancelled, task.Status);
        Assert.Null(task.CompletedAt);
        Assert.Equal(Now, task.UpdatedAt);
    }

    [Fact]
    public void Cancelling_a_completed_task_is_a_rule_violation()
    {
        var task = NewTask();
        task.Complete(Now);
        Assert.Throws<DomainRuleViolationException>(() => task.Cancel(Now));
        Assert.Equal(TaskItemStatus.Completed, task.Status);
    }

    [Fact]
    public void Starting_anything_but_a_pending_task_is_a_rule_violation()
    {
        var task = NewTask();
        task.Start(Now);
        Assert.Throws<DomainRuleViolationException>(() => task.Start(Now));
    }

    [Fact]
    public void Overdue_means_open_and_strictly_past_due()
    {
        var task = NewTask(dueAt: Now);
        Assert.False(task.IsOverdueAt(Now));
        Assert.True(task.IsOverdueAt(Now.AddTicks(10)));
        Assert.False(NewTask().IsOverdueAt(Now.AddYears(1)));

        task.Complete(Now);
        Assert.False(task.IsOverdueAt(Now.AddDays(1)));
    }

    [Fact]
    public void Instants_are_stored_in_utc_at_microsecond_precision()
    {
        var due = new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(9)).AddTicks(1234567);
        var task = NewTask(dueAt: due);
        Assert.Equal(TimeSpan.Zero, task.DueAt!.Value.Offset);
        Assert.Equal(0, task.DueAt.Value.Ticks % TimeSpan.TicksPerMicrosecond);
        Assert.Equal(due.UtcTicks - 7, task.DueAt.Value.UtcTicks);
        Assert.Equal(Timestamps.Normalize(due), task.DueAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_title_is_refused(string title)
    {
        Assert.Throws<ArgumentException>(() => TaskItem.Create(title, null, "U1", "U2", null, Now));
    }

    [Fact]
    public void Status_names_are_the_legacy_snake_case_words()
    {
        Assert.Equal("in_progress", TaskItemStatusNames.Words.Name(TaskItemStatus.InProgress));
        foreach (var status in Enum.GetValues<TaskItemStatus>())
        {
            Assert.Equal(status, TaskItemStatusNames.Words.Parse(TaskItemStatusNames.Words.Name(status)));
        }

        Assert.False(TaskItemStatusNames.Words.TryParse("InProgress", out _));
    }

    [Fact]
    public void A_refusal_names_the_status_as_the_API_spells_it()
    {
        var task = NewTask();
        task.Start(Now);

        var refused = Assert.Throws<DomainRuleViolationException>(() => task.Start(Now));

        Assert.Contains("in_progress", refused.Message);
    }

    [Fact]
    public void The_check_constraint_and_filters_are_written_from_the_table()
    {
        Assert.Equal("status IN ('pending', 'in_progress', 'completed', 'cancelled')",
            TaskItemStatusNames.Words.SqlIn("status"));
        Assert.Equal("status = 'in_progress'",
            TaskItemStatusNames.Words.SqlIn("status", TaskItemStatus.InProgress));
    }

    [Theory]
    [InlineData(TaskItemStatus.Pending, true)]
    [InlineData(TaskItemStatus.InProgress, true)]
    [InlineData(TaskItemStatus.Completed, false)]
    [InlineData(TaskItemStatus.Cancelled, false)]
    public void Open_means_pending_or_in_progress(TaskItemStatus status, bool open)
    {
        var task = TaskItem.Create("t", null, "U1", "U2", null, Now);
        switch (status)
        {
            case TaskItemStatus.InProgress: task.Start(Now); break;
            case TaskItemStatus.Completed: task.Complete(Now); break;
            case TaskItemStatus.Cancelled: task.Cancel(Now); break;
        }

        Assert.Equal(status, task.Status);
        Assert.Equal(open, NakamuraMisaki.Domain.Tasks.Specifications.TaskSpecifications.Open.Compile()(task));
        Assert.Equal(open, task.IsOpen);
    }
}
