using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.AgentTasks;

/// <summary>
/// One run of the coding agent on an issue or merge request. The agent chooses the uuid, so that it can register the
/// same run again to resume it after a stop.
/// Flow: running → completed | stopped | failed; stopped → running (resume). Terminal states set completed_at.
/// The counters only ever grow, and are changed by a set-based increment in the database, not through this class,
/// so that concurrent reports never overwrite one another.
/// </summary>
public sealed class AgentTask : IVersioned
{
    private AgentTask()
    {
        Owner = Repo = TaskId = string.Empty;
    }

    public Guid Uuid { get; private set; }
    public AgentTaskSource TaskSource { get; private set; }
    public string Owner { get; private set; }
    public string Repo { get; private set; }
    public AgentTaskType TaskType { get; private set; }
    public string TaskId { get; private set; }
    public AgentTaskStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public int? ProcessId { get; private set; }
    public string? Hostname { get; private set; }
    public string? LlmProvider { get; private set; }
    public string? Model { get; private set; }
    public int? ContextLength { get; private set; }
    public long LlmCallCount { get; private set; }
    public long ToolCallCount { get; private set; }
    public long TotalTokens { get; private set; }
    public long CompressionCount { get; private set; }
    public string? ErrorMessage { get; private set; }
    public string? User { get; private set; }
    public uint Version { get; private set; }

    public AgentTaskTarget Target => new(TaskSource, Owner, Repo, TaskType, TaskId);

    public static AgentTask Register(
        Guid uuid, AgentTaskTarget target, AgentTaskRunner runner, string? user, DateTimeOffset now)
    {
        if (uuid == Guid.Empty)
        {
            throw new ArgumentException("An agent task needs a uuid.", nameof(uuid));
        }

        if (!AgentTaskTarget.Allows(target.Source, target.Type))
        {
            throw new ArgumentException($"{AgentTaskNames.Source.Name(target.Source)} has no {AgentTaskNames.Type.Name(target.Type)}.", nameof(target));
        }

        var started = Timestamps.Normalize(now);
        var task = new AgentTask
        {
            Uuid = uuid,
            TaskSource = target.Source,
            Owner = target.Owner,
            Repo = target.Repo,
            TaskType = target.Type,
            TaskId = target.TaskId,
            Status = AgentTaskStatus.Running,
            CreatedAt = started,
            User = user,
        };
        task.StartOn(runner, started);
        return task;
    }

    /// <summary>
    /// The agent registers a uuid that already exists. A stopped run is resumed. A running run registered again by
    /// the same process (pid and hostname) is the agent retrying a request whose answer it lost: nothing changes.
    /// Anything else is a conflict: another process would take over a live run, a finished run would be reopened, or
    /// the uuid names a different issue.
    /// </summary>
    /// <returns>Whether the run was resumed; false for the retried registration, which changes nothing.</returns>
    public bool RegisterAgain(AgentTaskTarget target, AgentTaskRunner runner, DateTimeOffset now)
    {
        if (target != Target)
        {
            throw new DomainRuleViolationException($"Agent task {Uuid} is registered for {Target}, not {target}.");
        }

        if (Status == AgentTaskStatus.Running)
        {
            return runner.IsSameProcessAs(ProcessId, Hostname)
                ? false
                : throw new DomainRuleViolationException(
                    $"Agent task {Uuid} is already running (process {ProcessId} on {Hostname}); stop it before another process resumes it.");
        }

        Resume(runner, now);
        return true;
    }

    /// <summary>
    /// A stopped run continues in a new process: running again, with a new started_at and the new process's details.
    /// created_at, the counters and the target are kept.
    /// </summary>
    public void Resume(AgentTaskRunner runner, DateTimeOffset now)
    {
        if (Status != AgentTaskStatus.Stopped)
        {
            throw new DomainRuleViolationException(
                $"Only a stopped agent task can be resumed; {Uuid} is {AgentTaskNames.Status.Name(Status)}.");
        }

        StartOn(runner, now);
    }

    public void Complete(DateTimeOffset now) => Finish(AgentTaskStatus.Completed, now);

    public void Stop(DateTimeOffset now) => Finish(AgentTaskStatus.Stopped, now);

    public void Fail(string errorMessage, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(errorMessage))
        {
            throw new ArgumentException("A failed agent task records why it failed.", nameof(errorMessage));
        }

        Finish(AgentTaskStatus.Failed, now);
        ErrorMessage = errorMessage;
    }

    private void StartOn(AgentTaskRunner runner, DateTimeOffset now)
    {
        Status = AgentTaskStatus.Running;
        StartedAt = Timestamps.Normalize(now);
        CompletedAt = null;
        ProcessId = runner.ProcessId;
        Hostname = runner.Hostname;
        LlmProvider = runner.LlmProvider;
        Model = runner.Model;
        ContextLength = runner.ContextLength;
    }

    private void Finish(AgentTaskStatus terminal, DateTimeOffset now)
    {
        if (Status != AgentTaskStatus.Running)
        {
            throw new DomainRuleViolationException(
                $"Only a running agent task can become {AgentTaskNames.Status.Name(terminal)}; {Uuid} is {AgentTaskNames.Status.Name(Status)}.");
        }

        Status = terminal;
        CompletedAt = Timestamps.Normalize(now);
    }
}
