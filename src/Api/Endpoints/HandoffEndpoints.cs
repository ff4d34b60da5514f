using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Api.Concurrency;
using NakamuraMisaki.Api.Idempotency;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Handoffs;
using NakamuraMisaki.Application.Handoffs.Commands.ChangeHandoffStatus;
using NakamuraMisaki.Application.Handoffs.Commands.DeleteHandoff;
using NakamuraMisaki.Application.Handoffs.Queries.GetHandoff;
using NakamuraMisaki.Application.Handoffs.Queries.ListPendingHandoffs;
using NakamuraMisaki.Application.Handoffs.Queries.ListSentHandoffs;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>
/// /api/v1/handoffs. A hand-off exists for its sender and its recipient only: for anyone else every endpoint answers 404
/// and lists leave it out. Errors are thrown and mapped to problem details in one place (ProblemDetailsExceptionHandler).
/// </summary>
public static class HandoffEndpoints
{
    public const string Route = "/api/v1/handoffs";

    public static void MapHandoffEndpoints(this IEndpointRouteBuilder app)
    {
        var handoffs = app.MapGroup(Route).WithTags("Hand-offs").WithETags().ActsForUser().RequireScopes(ScopeRequirement.Handoffs)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        handoffs.MapPost("/", CreateHandoff).WithName(nameof(CreateHandoff)).AcceptsIdempotencyKey();
        handoffs.MapGet("/pending", ListPendingHandoffs).WithName(nameof(ListPendingHandoffs));
        handoffs.MapGet("/sent", ListSentHandoffs).WithName(nameof(ListSentHandoffs));
        handoffs.MapGet("/{id}", GetHandoff).WithName(nameof(GetHandoff)).ProducesProblem(StatusCodes.Status404NotFound);
        handoffs.MapDelete("/{id}", DeleteHandoff).WithName(nameof(DeleteHandoff)).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesPreconditionFailed();
        handoffs.MapPost("/{id}/accept", AcceptHandoff).WithName(nameof(AcceptHandoff)).ProducesTransitionProblems();
        handoffs.MapPost("/{id}/complete", CompleteHandoff).WithName(nameof(CompleteHandoff)).ProducesTransitionProblems();
    }

    private static RouteHandlerBuilder ProducesTransitionProblems(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesPreconditionFailed();

    /// <summary>
    /// The sender is the acting user; to_user_id must be someone else. handoff_at defaults to now; task_id, when given,
    /// must name a task the acting user may see.
    /// </summary>
    public static async Task<Created<HandoffResponse>> CreateHandoff(
        CreateHandoffBody body, ISender sender, CancellationToken ct)
    {
        var handoff = await sender.Send(body.ToCommand(), ct);
        return TypedResults.Created($"{Route}/{handoff.Id}", handoff);
    }

    public static async Task<Ok<HandoffResponse>> GetHandoff(
        Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetHandoff(id), ct));

    /// <summary>The sender or the recipient may delete it.</summary>
    public static async Task<NoContent> DeleteHandoff(
        Guid id, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender,
        CancellationToken ct)
    {
        await sender.Send(new DeleteHandoff(id, ifMatch?.Version), ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// pending → accepted, setting accepted_at; by the recipient only. The sender accepting, or an accepted or
    /// completed hand-off, answers 409.
    /// </summary>
    public static Task<Ok<HandoffResponse>> AcceptHandoff(
        Guid id, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender,
        CancellationToken ct) =>
        Transition(new ChangeHandoffStatus(id, HandoffTransition.Accept, ifMatch?.Version), sender, ct);

    /// <summary>pending or accepted → completed, setting completed_at; by the sender or the recipient. A completed hand-off answers 409.</summary>
    public static Task<Ok<HandoffResponse>> CompleteHandoff(
        Guid id, [FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch, ISender sender,
        CancellationToken ct) =>
        Transition(new ChangeHandoffStatus(id, HandoffTransition.Complete, ifMatch?.Version), sender, ct);

    private static async Task<Ok<HandoffResponse>> Transition(ChangeHandoffStatus command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command, ct));

    /// <param name="recipient">Slack user id of the person taking over; default: the acting user.</param>
    public static async Task<Ok<Page<HandoffResponse>>> ListPendingHandoffs(
        [FromQuery] string? recipient, ISender sender, CancellationToken ct,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListPendingHandoffs(
            recipient, new PageRequest(limit, offset)), ct));

    /// <param name="fromUser">Slack user id of the person handing over; default: the acting user.</param>
    /// <param name="includeCompleted">false: only hand-offs not completed yet.</param>
    public static async Task<Ok<Page<HandoffResponse>>> ListSentHandoffs(
        [FromQuery(Name = "sender")] string? fromUser, ISender sender, CancellationToken ct,
        [FromQuery(Name = "include_completed")] bool includeCompleted = true,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(
            new ListSentHandoffs(fromUser, includeCompleted, new PageRequest(limit, offset)), ct));
}
