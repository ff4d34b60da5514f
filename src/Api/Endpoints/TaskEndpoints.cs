using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Api.Concurrency;
using NakamuraMisaki.Api.Idempotency;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Application.Tasks;
using NakamuraMisaki.Application.Tasks.Commands.ChangeTaskStatus;
using NakamuraMisaki.Application.Tasks.Commands.DeleteTask;
using NakamuraMisaki.Application.Tasks.Queries.FindTasks;
using NakamuraMisaki.Application.Tasks.Queries.GetTask;
using NakamuraMisaki.Application.Tasks.Queries.ListOverdueTasks;
using NakamuraMisaki.Application.Tasks.Queries.ListStaleTasks;
using NakamuraMisaki.Application.Tasks.Queries.ListTasksByAssignee;
using NakamuraMisaki.Application.Tasks.Queries.ListTasksDueToday;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>/api/v1/tasks. Errors are thrown and mapped to problem details in one place (ProblemDetailsExceptionHandler).</summary>
public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/v1/tasks").WithTags("Tasks").WithETags().ActsForUser().RequireScopes(ScopeRequirement.Tasks)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        tasks.MapPost("/", CreateTask).WithName(nameof(CreateTask)).AcceptsIdempotencyKey();
        tasks.MapGet("/", ListTasksByAssignee).WithName(nameof(ListTasksByAssignee));
        tasks.MapGet("/due-today", ListTasksDueToday).WithName(nameof(ListTasksDueToday));
        tasks.MapGet("/overdue", ListOverdueTasks).WithName(nameof(ListOverdueTasks));
        tasks.MapGet("/stale", ListStaleTasks).WithName(nameof(ListStaleTasks));
        tasks.MapGet("/search", FindTasks).WithName(nameof(FindTasks));
        tasks.MapGet("/{id}", GetTask).WithName(nameof(GetTask)).ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPatch("/{id}", UpdateTask).WithName(nameof(UpdateTask)).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesPreconditionFailed();
        tasks.MapDelete("/{id}", DeleteTask).WithName(nameof(DeleteTask)).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesPreconditionFailed();
        tasks.MapPost("/{id}/start", StartTask).WithName(nameof(StartTask)).ProducesTransitionProblems();
        tasks.MapPost("/{id}/complete", CompleteTask).WithName(nameof(CompleteTask)).ProducesTransitionProblems();
        tasks.MapPost("/{id}/cancel", CancelTask).WithName(nameof(CancelTask)).ProducesTransitionProblems();
    }

    private static RouteHandlerBuilder ProducesTransitionProblems(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesPreconditionFailed();

    public static async Task<Created<TaskResponse>> CreateTask(
        CreateTaskBody body, ISender sender, CancellationToken ct)
    {
        var task = await sender.Send(body.ToCommand(), ct);
        return TypedResults.Created($"/api/v1/tasks/{task.Id}", task);
    }

    public static async Task<Ok<TaskResponse>> GetTask(
        Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetTask(id), ct));

    public static async Task<Ok<TaskResponse>> UpdateTask(
        Guid id, UpdateTaskBody body, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(body.ToCommand(id) with { ExpectedVersion = ifMatch?.Version }, ct));

    public static async Task<NoContent> DeleteTask(
        Guid id, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender,
        CancellationToken ct)
    {
        await sender.Send(new DeleteTask(id, ifMatch?.Version), ct);
        return TypedResults.NoContent();
    }

    /// <summary>pending → in_progress. Anything else answers 409.</summary>
    public static Task<Ok<TaskResponse>> StartTask(
        Guid id, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender,
        CancellationToken ct) =>
        Transition(new ChangeTaskStatus(id, TaskTransition.Start, ifMatch?.Version), sender, ct);

    /// <summary>pending or in_progress → completed, setting completed_at. A cancelled or completed task answers 409.</summary>
    public static Task<Ok<TaskResponse>> CompleteTask(
        Guid id, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender,
        CancellationToken ct) =>
        Transition(new ChangeTaskStatus(id, TaskTransition.Complete, ifMatch?.Version), sender, ct);

    /// <summary>pending or in_progress → cancelled. A completed or cancelled task answers 409.</summary>
    public static Task<Ok<TaskResponse>> CancelTask(
        Guid id, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender,
        CancellationToken ct) =>
        Transition(new ChangeTaskStatus(id, TaskTransition.Cancel, ifMatch?.Version), sender, ct);

    private static async Task<Ok<TaskResponse>> Transition(ChangeTaskStatus command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command, ct));

    /// <param name="assignee">Slack user id of the assignee; default: the acting user.</param>
    /// <param name="status">Repeat to allow several: pending, in_progress, completed, cancelled.</param>
    public static async Task<Ok<Page<TaskResponse>>> ListTasksByAssignee(
        [FromQuery] string? assignee, [FromQuery] string[]? status, ISender sender,
        CancellationToken ct, [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListTasksByAssignee(
            assignee, status ?? [], new PageRequest(limit, offset)), ct));

    /// <param name="assignee">Slack user id of the assignee; default: the acting user.</param>
    /// <param name="tz">IANA time zone of the user's day (default Asia/Tokyo).</param>
    public static async Task<Ok<IReadOnlyList<TaskResponse>>> ListTasksDueToday(
        [FromQuery] string? assignee, ISender sender, CancellationToken ct,
        [FromQuery] string tz = TimeZoneRules.DefaultTimeZone) =>
        TypedResults.Ok(await sender.Send(new ListTasksDueToday(assignee, tz), ct));

    public static async Task<Ok<Page<TaskResponse>>> ListOverdueTasks(
        [FromQuery] string? assignee, ISender sender, CancellationToken ct,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListOverdueTasks(assignee, new PageRequest(limit, offset)), ct));

    public static async Task<Ok<Page<TaskResponse>>> ListStaleTasks(
        [FromQuery] string? assignee, ISender sender, CancellationToken ct,
        [FromQuery] int days = 3, [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListStaleTasks(days, assignee, new PageRequest(limit, offset)), ct));

    /// <param name="q">A task id, or a fragment of the title (substring match; works for Japanese).</param>
    public static async Task<Ok<IReadOnlyList<TaskResponse>>> FindTasks(
        [FromQuery] string q, ISender sender, CancellationToken ct,
        [FromQuery(Name = "include_closed")] bool includeClosed = false,
        [FromQuery] int limit = FindTasksLimits.DefaultLimit) =>
        TypedResults.Ok(await sender.Send(new FindTasks(q, includeClosed, limit), ct));
}
