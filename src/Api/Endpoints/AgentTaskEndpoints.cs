using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Api.Concurrency;
using NakamuraMisaki.Api.Idempotency;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Application.AgentTasks;
using NakamuraMisaki.Application.AgentTasks.Commands.AddAgentTaskStatistics;
using NakamuraMisaki.Application.AgentTasks.Commands.ChangeAgentTaskStatus;
using NakamuraMisaki.Application.AgentTasks.Commands.DeleteAgentTask;
using NakamuraMisaki.Application.AgentTasks.Commands.RegisterAgentTask;
using NakamuraMisaki.Application.AgentTasks.Queries.GetAgentTask;
using NakamuraMisaki.Application.AgentTasks.Queries.ListAgentTasks;
using NakamuraMisaki.Application.AgentTasks.Queries.ListAgentTasksByRepository;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>/api/v1/agent-tasks: the coding agent's runs. Errors are mapped in ProblemDetailsExceptionHandler.</summary>
public static class AgentTaskEndpoints
{
    public const string Route = "/api/v1/agent-tasks";

    public static void MapAgentTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup(Route).WithTags("Agent tasks").WithETags().RequireScopes(ScopeRequirement.AgentTasks)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        runs.MapPost("/", RegisterAgentTask).WithName(nameof(RegisterAgentTask)).AcceptsIdempotencyKey()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesPreconditionFailed();
        runs.MapGet("/", ListAgentTasks).WithName(nameof(ListAgentTasks));
        runs.MapGet("/by-repository", ListAgentTasksByRepository).WithName(nameof(ListAgentTasksByRepository));
        runs.MapGet("/{uuid}", GetAgentTask).WithName(nameof(GetAgentTask)).ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPatch("/{uuid}", UpdateAgentTaskStatus).WithName(nameof(UpdateAgentTaskStatus)).ProducesTransitionProblems();
        runs.MapPost("/{uuid}/complete", CompleteAgentTask).WithName(nameof(CompleteAgentTask)).ProducesTransitionProblems();
        runs.MapPost("/{uuid}/stop", StopAgentTask).WithName(nameof(StopAgentTask)).ProducesTransitionProblems();
        runs.MapPost("/{uuid}/fail", FailAgentTask).WithName(nameof(FailAgentTask)).ProducesTransitionProblems();
        runs.MapPost("/{uuid}/statistics", AddAgentTaskStatistics).WithName(nameof(AddAgentTaskStatistics))
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapDelete("/{uuid}", DeleteAgentTask).WithName(nameof(DeleteAgentTask))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesPreconditionFailed();
    }

    private static RouteHandlerBuilder ProducesTransitionProblems(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesPreconditionFailed();

    /// <summary>
    /// Starts a run under the uuid the agent chose: 201 for a new uuid; 200 when it resumes a stopped run (new
    /// started_at, process and model; completed_at cleared) or when the same process registers its running run again.
    /// 409 for a running run of another process, a completed or failed run, or a uuid registered for another task.
    /// </summary>
    public static async Task<Results<Created<AgentTaskResponse>, Ok<AgentTaskResponse>>> RegisterAgentTask(
        RegisterAgentTask body, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender, CancellationToken ct)
    {
        var registration = await sender.Send(body with { ExpectedVersion = ifMatch?.Version }, ct);
        return registration.Outcome == AgentTaskRegistrationOutcome.Created
            ? TypedResults.Created($"{Route}/{registration.Task.Uuid}", registration.Task)
            : TypedResults.Ok(registration.Task);
    }

    public static async Task<Ok<AgentTaskResponse>> GetAgentTask(Guid uuid, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAgentTask(uuid), ct));

    /// <summary>running → completed, stopped or failed (failed needs error_message). Same rules as the shortcuts below.</summary>
    public static async Task<Ok<AgentTaskResponse>> UpdateAgentTaskStatus(
        Guid uuid, UpdateAgentTaskStatusBody body, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(body.ToCommand(uuid, ifMatch?.Version), ct));

    /// <summary>running → completed, setting completed_at.</summary>
    public static async Task<Ok<AgentTaskResponse>> CompleteAgentTask(
        Guid uuid, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ChangeAgentTaskStatus(uuid, AgentTaskStatus.Completed, null, ifMatch?.Version), ct));

    /// <summary>running → stopped, setting completed_at. Registering the uuid again resumes it.</summary>
    public static async Task<Ok<AgentTaskResponse>> StopAgentTask(
        Guid uuid, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ChangeAgentTaskStatus(uuid, AgentTaskStatus.Stopped, null, ifMatch?.Version), ct));

    /// <summary>running → failed, setting completed_at and error_message (required).</summary>
    public static async Task<Ok<AgentTaskResponse>> FailAgentTask(
        Guid uuid, FailAgentTaskBody body, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(body.ToCommand(uuid, ifMatch?.Version), ct));

    /// <summary>Adds to the counters (never overwrites); negative amounts answer 400. Parallel calls all count.</summary>
    public static async Task<NoContent> AddAgentTaskStatistics(
        Guid uuid, AddAgentTaskStatisticsBody body, ISender sender, CancellationToken ct)
    {
        await sender.Send(new AddAgentTaskStatistics(uuid, body.LlmCalls, body.ToolCalls, body.Tokens, body.Compressions), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DeleteAgentTask(
        Guid uuid, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteAgentTask(uuid, ifMatch?.Version), ct);
        return TypedResults.NoContent();
    }

    /// <param name="status">Repeat to allow several: running, completed, stopped, failed.</param>
    /// <param name="user">Only this user's runs.</param>
    public static async Task<Ok<Page<AgentTaskResponse>>> ListAgentTasks(
        [FromQuery] string[]? status, [FromQuery] string? user, ISender sender, CancellationToken ct,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListAgentTasks(status ?? [], user, new PageRequest(limit, offset)), ct));

    /// <param name="taskSource">github or gitlab.</param>
    /// <param name="owner">The repository owner (GitHub) or namespace (GitLab).</param>
    /// <param name="repo">The repository name; for GitLab, the project id.</param>
    public static async Task<Ok<Page<AgentTaskResponse>>> ListAgentTasksByRepository(
        [FromQuery(Name = "task_source")] string? taskSource, [FromQuery] string? owner, [FromQuery] string? repo,
        ISender sender, CancellationToken ct,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListAgentTasksByRepository(taskSource, owner, repo, new PageRequest(limit, offset)), ct));
}
