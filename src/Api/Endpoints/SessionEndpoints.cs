using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Sessions;
using NakamuraMisaki.Application.Sessions.Commands.CreateSession;
using NakamuraMisaki.Application.Sessions.Commands.DeleteInactiveSessions;
using NakamuraMisaki.Application.Sessions.Commands.ExpireIdleSessions;
using NakamuraMisaki.Application.Sessions.Commands.TouchSession;
using NakamuraMisaki.Application.Sessions.Queries.GetLatestSession;
using NakamuraMisaki.Application.Sessions.Queries.GetSession;
using NakamuraMisaki.Application.Sessions.Queries.ListSessions;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>/api/v1/sessions: the assistant's conversations. Another user's session answers 404.</summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/v1/sessions").WithTags("Sessions")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        sessions.MapPost("/", CreateSession).WithName(nameof(CreateSession)).ProducesProblem(StatusCodes.Status409Conflict);
        sessions.MapGet("/", ListSessions).WithName(nameof(ListSessions));
        sessions.MapGet("/latest", GetLatestSession).WithName(nameof(GetLatestSession))
            .ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPost("/expire-idle", ExpireIdleSessions).WithName(nameof(ExpireIdleSessions));
        sessions.MapPost("/delete-inactive", DeleteInactiveSessions).WithName(nameof(DeleteInactiveSessions));
        sessions.MapGet("/{session_id}", GetSession).WithName(nameof(GetSession)).ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPost("/{session_id}/touch", TouchSession).WithName(nameof(TouchSession))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Starts a session; <c>session_id</c> defaults to a new UUID, <c>title</c> to "Session MM/DD HH:MM" (Tokyo time).</summary>
    public static async Task<Created<SessionResponse>> CreateSession(CreateSession body, ISender sender, CancellationToken ct)
    {
        var session = await sender.Send(body, ct);
        return TypedResults.Created($"/api/v1/sessions/{session.SessionId}?user={session.UserId}", session);
    }

    public static async Task<Ok<SessionResponse>> GetSession(
        [FromRoute(Name = "session_id")] string sessionId, [FromQuery] string user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSession(sessionId, user), ct));

    /// <summary>The user's active session with the latest activity; 404 when there is none.</summary>
    public static async Task<Ok<SessionResponse>> GetLatestSession([FromQuery] string user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetLatestSession(user), ct));

    /// <param name="active">true: only active sessions; false: only expired ones; absent: both.</param>
    public static async Task<Ok<Page<SessionResponse>>> ListSessions(
        [FromQuery] string user, [FromQuery] bool? active, ISender sender, CancellationToken ct,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListSessions(user, active, new PageRequest(limit, offset)), ct));

    /// <summary>Records activity: last_active = now, message_count += <paramref name="messages"/>, active again.</summary>
    public static async Task<Ok<SessionResponse>> TouchSession(
        [FromRoute(Name = "session_id")] string sessionId, [FromQuery] string user, ISender sender, CancellationToken ct,
        [FromQuery] int messages = 1) =>
        TypedResults.Ok(await sender.Send(new TouchSession(sessionId, user, messages), ct));

    /// <summary>Marks sessions idle for more than <paramref name="hours"/> inactive; answers how many.</summary>
    public static async Task<Ok<ExpireIdleSessionsResponse>> ExpireIdleSessions(
        ISender sender, CancellationToken ct,
        [FromQuery] int hours = Application.Sessions.Commands.ExpireIdleSessions.ExpireIdleSessions.DefaultHours) =>
        TypedResults.Ok(await sender.Send(new ExpireIdleSessions(hours), ct));

    /// <summary>Deletes sessions idle for more than <paramref name="days"/> days; answers how many.</summary>
    public static async Task<Ok<DeleteInactiveSessionsResponse>> DeleteInactiveSessions(
        ISender sender, CancellationToken ct,
        [FromQuery] int days = Application.Sessions.Commands.DeleteInactiveSessions.DeleteInactiveSessions.DefaultDays) =>
        TypedResults.Ok(await sender.Send(new DeleteInactiveSessions(days), ct));
}
