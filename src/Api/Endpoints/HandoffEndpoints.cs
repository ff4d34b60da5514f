using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Handoffs;
using NakamuraMisaki.Application.Handoffs.Commands.ChangeHandoffStatus;
using NakamuraMisaki.Application.Handoffs.Commands.CreateHandoff;
using NakamuraMisaki.Application.Handoffs.Commands.DeleteHandoff;
using NakamuraMisaki.Application.Handoffs.Queries.GetHandoff;
using NakamuraMisaki.Application.Handoffs.Queries.ListPendingHandoffs;
using NakamuraMisaki.Application.Handoffs.Queries.ListSentHandoffs;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>/api/v1/handoffs. Errors are thrown and mapped to problem details in one place (ProblemDetailsExceptionHandler).</summary>
public static class HandoffEndpoints
{
    public const string Route = "/api/v1/handoffs";

    public static void MapHandoffEndpoints(this IEndpointRouteBuilder app)
    {
        var handoffs = app.MapGroup(Route).WithTags("Hand-offs")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        handoffs.MapPost("/", CreateHandoff).WithName(nameof(CreateHandoff));
        handoffs.MapGet("/pending", ListPendingHandoffs).WithName(nameof(ListPendingHandoffs));
        handoffs.MapGet("/sent", ListSentHandoffs).WithName(nameof(ListSentHandoffs));
        handoffs.MapGet("/{id}", GetHandoff).WithName(nameof(GetHandoff)).ProducesProblem(StatusCodes.Status404NotFound);
        handoffs.MapDelete("/{id}", DeleteHandoff).WithName(nameof(DeleteHandoff)).ProducesProblem(StatusCodes.Status404NotFound);
        handoffs.MapPost("/{id}/accept", AcceptHandoff).WithName(nameof(AcceptHandoff)).ProducesTransitionProblems();
        handoffs.MapPost("/{id}/complete", CompleteHandoff).WithName(nameof(CompleteHandoff)).ProducesTransitionProblems();
    }

    private static RouteHandlerBuilder ProducesTransitionProblems(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>handoff_at defaults to now; task_id, when given, must name an existing task.</summary>
    public static async Task<Created<HandoffResponse>> CreateHandoff(CreateHandoff body, ISender sender, CancellationToken ct)
    {
        var handoff = await sender.Send(body, ct);
        return TypedResults.Created($"{Route}/{handoff.Id}", handoff);
    }

    public static async Task<Ok<HandoffResponse>> GetHandoff(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetHandoff(id), ct));

    public static async Task<NoContent> DeleteHandoff(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteHandoff(id), ct);
        return TypedResults.NoContent();
    }

    /// <summary>pending → accepted, setting accepted_at. An accepted or completed hand-off answers 409.</summary>
    public static Task<Ok<HandoffResponse>> AcceptHandoff(Guid id, ISender sender, CancellationToken ct) =>
        Transition(id, HandoffTransition.Accept, sender, ct);

    /// <summary>pending or accepted → completed, setting completed_at. A completed hand-off answers 409.</summary>
    public static Task<Ok<HandoffResponse>> CompleteHandoff(Guid id, ISender sender, CancellationToken ct) =>
        Transition(id, HandoffTransition.Complete, sender, ct);

    private static async Task<Ok<HandoffResponse>> Transition(
        Guid id, HandoffTransition transition, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ChangeHandoffStatus(id, transition), ct));

    /// <param name="recipient">Slack user id of the person taking over.</param>
    public static async Task<Ok<Page<HandoffResponse>>> ListPendingHandoffs(
        [FromQuery] string recipient, ISender sender, CancellationToken ct,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListPendingHandoffs(recipient, new PageRequest(limit, offset)), ct));

    /// <param name="sender">Slack user id of the person handing over.</param>
    /// <param name="includeCompleted">false: only hand-offs not completed yet.</param>
    public static async Task<Ok<Page<HandoffResponse>>> ListSentHandoffs(
        [FromQuery] string sender, ISender mediator, CancellationToken ct,
        [FromQuery(Name = "include_completed")] bool includeCompleted = true,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await mediator.Send(
            new ListSentHandoffs(sender, includeCompleted, new PageRequest(limit, offset)), ct));
}
