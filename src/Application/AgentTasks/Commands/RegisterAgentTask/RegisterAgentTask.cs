using System.Text.Json.Serialization;
using Mediator;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Application.AgentTasks.Commands.RegisterAgentTask;

/// <summary>
/// The agent starts working on a task under a uuid it chose: a new uuid creates the run; the uuid of a stopped run
/// resumes it in this process; the uuid of a run this same process already registered changes nothing (a retry).
/// Anything else is a conflict (see <see cref="AgentTask.RegisterAgain"/>). <c>user</c> is kept from the first
/// registration. Enums are nullable only so that a missing field is reported instead of defaulting to the first member.
/// </summary>
public sealed record RegisterAgentTask(
    Guid Uuid,
    AgentTaskSource? TaskSource,
    string? Owner,
    string? Repo,
    AgentTaskType? TaskType,
    string? TaskId,
    int? ProcessId = null,
    string? Hostname = null,
    string? LlmProvider = null,
    string? Model = null,
    int? ContextLength = null,
    string? User = null,
    [property: JsonIgnore] uint? ExpectedVersion = null) : IRequest<AgentTaskRegistration>, IVersionedCommand;

public enum AgentTaskRegistrationOutcome
{
    Created,
    Resumed,
    AlreadyRunning,
}

public sealed record AgentTaskRegistration(AgentTaskResponse Task, AgentTaskRegistrationOutcome Outcome);

public sealed class RegisterAgentTaskHandler(IAgentTaskRepository tasks, TimeProvider clock)
    : IRequestHandler<RegisterAgentTask, AgentTaskRegistration>
{
    public async ValueTask<AgentTaskRegistration> Handle(RegisterAgentTask request, CancellationToken cancellationToken)
    {
        // The validator guarantees the required fields are present.
        var target = new AgentTaskTarget(
            request.TaskSource!.Value, request.Owner!, request.Repo!, request.TaskType!.Value, request.TaskId!);
        var runner = new AgentTaskRunner(
            request.ProcessId, request.Hostname, request.LlmProvider, request.Model, request.ContextLength);
        var now = clock.GetUtcNow();

        var existing = await tasks.FindForUpdateAsync(request.Uuid, cancellationToken);
        if (existing is null)
        {
            // If-Match names a version of something that does not exist: the precondition is false (RFC 9110 13.1.1).
            if (request.ExpectedVersion is { } expected)
            {
                throw StaleVersionException.DoesNotExist("Agent task", request.Uuid, expected);
            }

            var created = AgentTask.Register(request.Uuid, target, runner, request.User, now);
            tasks.Add(created);
            await tasks.SaveChangesAsync(cancellationToken);
            return new(AgentTaskResponse.From(created), AgentTaskRegistrationOutcome.Created);
        }

        existing.EnsureVersion(request.ExpectedVersion, "Agent task", request.Uuid);
        if (!existing.RegisterAgain(target, runner, now))
        {
            return new(AgentTaskResponse.From(existing), AgentTaskRegistrationOutcome.AlreadyRunning);
        }

        await tasks.SaveChangesAsync(cancellationToken);
        return new(AgentTaskResponse.From(existing), AgentTaskRegistrationOutcome.Resumed);
    }
}
