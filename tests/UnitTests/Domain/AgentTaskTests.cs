using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.UnitTests.Domain;

public sealed class AgentTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);
    private static readonly AgentTaskTarget Issue = new(AgentTaskSource.Github, "octo", "hello", AgentTaskType.Issue, "17");
    private static readonly AgentTaskRunner Worker = new(4242, "worker-1", "anthropic", "claude", 200_000);

    private static AgentTask NewRun() => AgentTask.Register(Guid.NewGuid(), Issue, Worker, "alice", Now);

    [Fact]
    public void A_registered_run_is_running_since_now_with_its_process()
    {
        var run = NewRun();
        Assert.Equal(AgentTaskStatus.Running, run.Status);
        Assert.Equal(Now, run.CreatedAt);
        Assert.Equal(Now, run.StartedAt);
        Assert.Null(run.CompletedAt);
        Assert.Equal(4242, run.ProcessId);
        Assert.Equal("worker-1", run.Hostname);
        Assert.Equal(Issue, run.Target);
        Assert.Equal(0, run.LlmCallCount + run.ToolCallCount + run.TotalTokens + run.CompressionCount);
    }

    [Theory]
    [InlineData(AgentTaskSource.Github, AgentTaskType.MergeRequest)]
    [InlineData(AgentTaskSource.Gitlab, AgentTaskType.PullRequest)]
    public void A_forge_cannot_have_the_other_forges_kind_of_change(AgentTaskSource source, AgentTaskType type)
    {
        Assert.False(AgentTaskTarget.Allows(source, type));
        Assert.Throws<ArgumentException>(() =>
            AgentTask.Register(Guid.NewGuid(), Issue with { Source = source, Type = type }, Worker, null, Now));
    }

    [Fact]
    public void Ending_sets_completed_at_and_failing_records_why()
    {
        var completed = NewRun();
        completed.Complete(Now.AddHours(1));
        Assert.Equal((AgentTaskStatus.Completed, Now.AddHours(1)), (completed.Status, completed.CompletedAt));

        var failed = NewRun();
        failed.Fail("out of tokens", Now.AddMinutes(5));
        Assert.Equal((AgentTaskStatus.Failed, Now.AddMinutes(5)), (failed.Status, failed.CompletedAt));
        Assert.Equal("out of tokens", failed.ErrorMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Failing_without_a_reason_is_refused_and_the_run_keeps_running(string reason)
    {
        var run = NewRun();
        Assert.Throws<ArgumentException>(() => run.Fail(reason, Now));
        Assert.Equal(AgentTaskStatus.Running, run.Status);
    }

    [Fact]
    public void Only_a_running_run_can_end()
    {
        var run = NewRun();
        run.Stop(Now);
        Assert.Throws<DomainRuleViolationException>(() => run.Complete(Now));
        Assert.Throws<DomainRuleViolationException>(() => run.Stop(Now));
        Assert.Throws<DomainRuleViolationException>(() => run.Fail("x", Now));
        Assert.Equal(AgentTaskStatus.Stopped, run.Status);
    }

    [Fact]
    public void Registering_a_stopped_run_again_resumes_it_in_the_new_process()
    {
        var run = NewRun();
        run.Stop(Now.AddMinutes(10));
        var next = new AgentTaskRunner(7, "worker-2", "openai", "gpt", 128_000);

        Assert.True(run.RegisterAgain(Issue, next, Now.AddHours(1)));

        Assert.Equal(AgentTaskStatus.Running, run.Status);
        Assert.Equal(Now.AddHours(1), run.StartedAt);
        Assert.Equal(Now, run.CreatedAt);
        Assert.Null(run.CompletedAt);
        Assert.Equal((7, "worker-2", "gpt"), (run.ProcessId, run.Hostname, run.Model));
    }

    [Fact]
    public void The_same_process_registering_its_running_run_again_changes_nothing()
    {
        var run = NewRun();
        Assert.False(run.RegisterAgain(Issue, Worker with { Model = "other" }, Now.AddMinutes(1)));
        Assert.Equal(Now, run.StartedAt);
        Assert.Equal("claude", run.Model);
    }

    [Fact]
    public void Registering_again_conflicts_for_another_process_a_finished_run_or_another_issue()
    {
        var running = NewRun();
        Assert.Throws<DomainRuleViolationException>(() => running.RegisterAgain(Issue, Worker with { ProcessId = 1 }, Now));
        Assert.Throws<DomainRuleViolationException>(() => running.RegisterAgain(Issue, Worker with { Hostname = "x" }, Now));

        var completed = NewRun();
        completed.Complete(Now);
        Assert.Throws<DomainRuleViolationException>(() => completed.RegisterAgain(Issue, Worker, Now));

        var stopped = NewRun();
        stopped.Stop(Now);
        Assert.Throws<DomainRuleViolationException>(() => stopped.RegisterAgain(Issue with { TaskId = "18" }, Worker, Now));
        Assert.Equal(AgentTaskStatus.Stopped, stopped.Status);
    }

    [Fact]
    public void The_legacy_words_round_trip()
    {
        foreach (var status in Enum.GetValues<AgentTaskStatus>())
        {
            Assert.Equal(status, AgentTaskNames.Status.Parse(AgentTaskNames.Status.Name(status)));
        }

        foreach (var source in Enum.GetValues<AgentTaskSource>())
        {
            Assert.Equal(source, AgentTaskNames.Source.Parse(AgentTaskNames.Source.Name(source)));
        }

        foreach (var type in Enum.GetValues<AgentTaskType>())
        {
            Assert.Equal(type, AgentTaskNames.Type.Parse(AgentTaskNames.Type.Name(type)));
        }

        Assert.Equal(["github", "gitlab"], AgentTaskNames.Source.All);
        Assert.Equal("pull_request", AgentTaskNames.Type.Name(AgentTaskType.PullRequest));
    }
}
