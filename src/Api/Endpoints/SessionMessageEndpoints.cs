using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Api.Idempotency;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Application.Sessions.Messages.Commands.DeleteSessionMessages;
using NakamuraMisaki.Application.Sessions.Messages.Queries.GetSessionMessage;
using NakamuraMisaki.Application.Sessions.Messages.Queries.ListSessionMessages;
using NakamuraMisaki.Application.Sessions.Messages.Queries.SearchSessionMessages;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>
/// /api/v1/sessions/{session_id}/messages: a session's conversation history, for the session's owner only (anyone
/// else gets 404, search leaves it out). Appends are idempotent by slack_ts and, like every create, by the
/// Idempotency-Key header (ADR 0023).
/// </summary>
public static class SessionMessageEndpoints
{
    public static void MapSessionMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup(SessionEndpoints.Route).WithTags("Session messages")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable).ActsForUser()
            .RequireScopes(ScopeRequirement.Sessions);

        messages.MapPost("/{session_id}/messages", AppendSessionMessage).WithName(nameof(AppendSessionMessage))
            .AcceptsIdempotencyKey().ProducesProblem(StatusCodes.Status404NotFound).WithMessageBodyLimit(app.ServiceProvider);
        messages.MapPost("/{session_id}/messages/batch", AppendSessionMessages).WithName(nameof(AppendSessionMessages))
            .AcceptsIdempotencyKey().ProducesProblem(StatusCodes.Status404NotFound).WithMessageBodyLimit(app.ServiceProvider);
        messages.MapGet("/{session_id}/messages", ListSessionMessages).WithName(nameof(ListSessionMessages))
            .ProducesProblem(StatusCodes.Status404NotFound);
        messages.MapGet("/{session_id}/messages/{seq}", GetSessionMessage).WithName(nameof(GetSessionMessage))
            .ProducesProblem(StatusCodes.Status404NotFound);
        messages.MapDelete("/{session_id}/messages", DeleteSessionHistory).WithName(nameof(DeleteSessionHistory))
            .ProducesProblem(StatusCodes.Status404NotFound);
        messages.MapDelete("/{session_id}/messages/before/{seq}", TrimSessionHistory).WithName(nameof(TrimSessionHistory))
            .ProducesProblem(StatusCodes.Status404NotFound);
        messages.MapGet("/messages/search", SearchSessionMessages).WithName(nameof(SearchSessionMessages));
    }

    /// <summary>
    /// Appends one message → 201 with its <c>seq</c>. A retry with the same <c>slack_ts</c> stores nothing and answers
    /// 200 with what is stored; one with the same <c>Idempotency-Key</c> answers the first response again.
    /// </summary>
    public static async Task<Results<Created<SessionMessageResponse>, Ok<SessionMessageResponse>>> AppendSessionMessage(
        [FromRoute(Name = "session_id")] string sessionId, AppendSessionMessageBody body, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(body.ToCommand(sessionId), ct);
        var message = result.Items[0];
        return result.Added
            ? TypedResults.Created($"{SessionEndpoints.Route}/{sessionId}/messages/{message.Seq}", message)
            : TypedResults.Ok(message);
    }

    /// <summary>
    /// Appends 1-1,000 messages in order, all or nothing → 201 with their <c>seq</c>s. Messages whose <c>slack_ts</c>
    /// the session stores are answered as stored, not added; a batch that adds nothing answers 200.
    /// </summary>
    public static async Task<Results<Created<AppendedSessionMessages>, Ok<AppendedSessionMessages>>> AppendSessionMessages(
        [FromRoute(Name = "session_id")] string sessionId, AppendSessionMessagesBody body, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(body.ToCommand(sessionId), ct);
        var appended = new AppendedSessionMessages(result.Items);
        return result.Added
            ? TypedResults.Created($"{SessionEndpoints.Route}/{sessionId}/messages?after_seq={result.Items.Min(m => m.Seq) - 1}", appended)
            : TypedResults.Ok(appended);
    }

    /// <summary>
    /// The history in seq order: a page after <paramref name="after_seq"/> (0 = from the start; follow
    /// <c>next_after_seq</c>), or with <paramref name="last"/> the last N messages, oldest first.
    /// </summary>
    public static async Task<Ok<SessionMessagePage>> ListSessionMessages(
        [FromRoute(Name = "session_id")] string sessionId, [FromQuery(Name = "after_seq")] long? afterSeq,
        [FromQuery] int? limit, [FromQuery] int? last,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSessionMessages(sessionId, afterSeq, limit, last), ct));

    public static async Task<Ok<SessionMessageResponse>> GetSessionMessage(
        [FromRoute(Name = "session_id")] string sessionId, long seq,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSessionMessage(sessionId, seq), ct));

    /// <summary>Deletes the whole history (a privacy request) → <c>{deleted}</c>. The session stays; seqs continue.</summary>
    public static async Task<Ok<DeletedSessionMessages>> DeleteSessionHistory(
        [FromRoute(Name = "session_id")] string sessionId,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DeleteSessionMessages(sessionId, null), ct));

    /// <summary>Deletes the messages before <paramref name="seq"/> (after summarising them) → <c>{deleted}</c>.</summary>
    public static async Task<Ok<DeletedSessionMessages>> TrimSessionHistory(
        [FromRoute(Name = "session_id")] string sessionId, long seq,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DeleteSessionMessages(sessionId, seq), ct));

    /// <summary>The acting user's messages by text (Japanese works), best first; <paramref name="session_id"/> narrows to one session.</summary>
    public static async Task<Ok<SessionMessageSearchResponse>> SearchSessionMessages(
        [FromQuery] string q, [FromQuery(Name = "session_id")] string? sessionId, ISender sender, CancellationToken ct,
        [FromQuery] int limit = Application.Sessions.Messages.Queries.SearchSessionMessages.SearchSessionMessages.DefaultLimit) =>
        TypedResults.Ok(await sender.Send(new SearchSessionMessages(q, sessionId, limit), ct));
}
