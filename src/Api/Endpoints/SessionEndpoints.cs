using Mediator;
using NakamuraMisaki.Api.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Sessions;
using NakamuraMisaki.Application.Sessions.Commands.DeleteInactiveSessions;
using NakamuraMisaki.Application.Sessions.Commands.ExpireIdleSessions;
using NakamuraMisaki.Application.Sessions.Commands.TouchSession;
using NakamuraMisaki.Application.Sessions.Queries.GetLatestSession;
using NakamuraMisaki.Application.Sessions.Queries.GetSession;
using NakamuraMisaki.Application.Sessions.Queries.ListSessions;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>
/// /api/v1/sessions: the assistant's conversations. A session exists for its owner only, the acting user
/// (X-Slack-User-Id) who created it: for anyone else every endpoint answers 404 and lists leave it out. expire-idle and
/// delete-inactive are maintenance over all sessions (the background jobs run the same) and act for no one.
/// </summary>
public static class SessionEndpoints
{
    public const string Route = "/api/v1/sessions";

    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup(Route).WithTags("Sessions")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        // Everything but maintenance acts for the user who sends it.
        var mine = sessions.MapGroup("").ActsForUser().RequireScopes(ScopeRequirement.Sessions);

        mine.MapPost("/", CreateSession).WithName(nameof(CreateSession)).AcceptsIdempotencyKey().ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapGet("/", ListSessions).WithName(nameof(ListSessions));
        mine.MapGet("/latest", GetLatestSession).WithName(nameof(GetLatestSession))
            .ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPost("/expire-idle", ExpireIdleSessions).WithName(nameof(ExpireIdleSessions))
            .RequireScopes(ScopeRequirement.Maintenance);
        sessions.MapPost("/delete-inactive", DeleteInactiveSessions).WithName(nameof(DeleteInactiveSessions))
            .RequireScopes(ScopeRequirement.Maintenance);
        mine.MapGet("/{session_id}", GetSession).WithName(nameof(GetSession)).ProducesProblem(StatusCodes.Status404NotFound);
        mine.MapPost("/{session_id}/touch", TouchSession).WithName(nameof(TouchSession))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Starts a session of the acting user; <c>session_id</c> defaults to a new UUID, <c>title</c> to
    /// "Session MM/DD HH:MM" (Tokyo time). A session id already taken, by anyone, answers 409.
    /// </summary>
    public static async Task<Created<SessionResponse>> CreateSession(
        CreateSessionBody body, ISender sender, CancellationToken ct)
    {
        var session = await sender.Send(body.ToCommand(), ct);
        return TypedResults.Created($"{Route}/{session.SessionId}", session);
    }

    public static async Task<Ok<SessionResponse>> GetSession(
        [FromRoute(Name = "session_id")] string sessionId, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSession(sessionId), ct));

    /// <summary>The acting user's active session with the latest activity; 404 when there is none.</summary>
    public static async Task<Ok<SessionResponse>> GetLatestSession(
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetLatestSession(), ct));

    /// <param name="active">true: only active sessions; false: only expired ones; absent: both.</param>
    public static async Task<Ok<Page<SessionResponse>>> ListSessions(
        [FromQuery] bool? active, ISender sender, CancellationToken ct,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListSessions(active, new PageRequest(limit, offset)), ct));

    /// <summary>Records activity: last_active = now, message_count += <paramref name="messages"/>, active again.</summary>
    public static async Task<Ok<SessionResponse>> TouchSession(
        [FromRoute(Name = "session_id")] string sessionId, ISender sender,
        CancellationToken ct, [FromQuery] int messages = 1) =>
        TypedResults.Ok(await sender.Send(new TouchSession(sessionId, messages), ct));

    /// <summary>Admin, over every user's sessions (no acting user): marks sessions idle for more than <paramref name="hours"/> inactive; answers how many.</summary>
    public static async Task<Ok<ExpireIdleSessionsResponse>> ExpireIdleSessions(
        ISender sender, CancellationToken ct,
        [FromQuery] int hours = Application.Sessions.Commands.ExpireIdleSessions.ExpireIdleSessions.DefaultHours) =>
        TypedResults.Ok(await sender.Send(new ExpireIdleSessions(hours), ct));

    /// <summary>Admin, over every user's sessions (no acting user): deletes sessions idle for more than <paramref name="days"/> days; answers how many.</summary>
    public static async Task<Ok<DeleteInactiveSessionsResponse>> DeleteInactiveSessions(
        ISender sender, CancellationToken ct,
        [FromQuery] int days = Application.Sessions.Commands.DeleteInactiveSessions.DeleteInactiveSessions.DefaultDays) =>
        TypedResults.Ok(await sender.Send(new DeleteInactiveSessions(days), ct));
}
