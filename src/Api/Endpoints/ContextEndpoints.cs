using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Application.Context;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>
/// /api/v1/context: the memory a bot gives its model before a reply, in one call (docs/context.md). It reads the
/// acting user's messages, notes, tasks and hand-offs, so an API key needs the read scope of each kind it returns.
/// </summary>
public static class ContextEndpoints
{
    public const string Route = "/api/v1/context";

    public static void MapContextEndpoints(this IEndpointRouteBuilder app)
    {
        var context = app.MapGroup(Route).WithTags("Context")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable).ActsForUser()
            // A POST that only reads: the read scope of every kind it may return, whatever `include` narrows it to.
            .RequireScopes(ApiScopes.SessionsRead | ApiScopes.NotesRead | ApiScopes.TasksRead | ApiScopes.HandoffsRead);

        context.MapPost("/", GetContext).WithName(nameof(GetContext)).ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(ContextOpenApi.AddExamples);
    }

    /// <summary>
    /// The session's last messages (newest first, whole), then the acting user's matching notes and earlier messages,
    /// overdue and due-today tasks and pending hand-offs, ranked on one scale and cut to <c>budget_tokens</c>. Changes
    /// nothing. 404: <c>session_id</c> names no session of the acting user.
    /// </summary>
    public static async Task<Ok<ContextResponse>> GetContext(GetContextBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(body.ToCommand(), ct));
}
