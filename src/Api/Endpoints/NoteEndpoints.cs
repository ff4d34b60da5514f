using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Application.Notes.Commands.DeleteNote;
using NakamuraMisaki.Application.Notes.Commands.ReEmbedNotes;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Application.Notes.Queries.GetNote;
using NakamuraMisaki.Application.Notes.Queries.ListSessionNotes;
using NakamuraMisaki.Application.Notes.Queries.ListUserNotes;
using NakamuraMisaki.Application.Notes.Queries.SearchNotes;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>
/// /api/v1/notes. A note exists for its owner only, the acting user (X-Slack-User-Id) who saved it: for anyone else
/// every endpoint answers 404, exactly like for a missing note, and lists and search leave it out. re-embed is
/// maintenance over all notes and acts for no one.
/// </summary>
public static class NoteEndpoints
{
    public const string Route = "/api/v1/notes";

    public static void MapNoteEndpoints(this IEndpointRouteBuilder app)
    {
        var notes = app.MapGroup(Route).WithTags("Notes")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        notes.MapPost("/", SaveNote).WithName(nameof(SaveNote));
        notes.MapGet("/", ListUserNotes).WithName(nameof(ListUserNotes));
        notes.MapGet("/search", SearchNotes).WithName(nameof(SearchNotes))
            .AddEndpointFilter<Utf8QueryStringFilter>().AddOpenApiOperationTransformer(NoteSearchOpenApi.DescribeParameters);
        notes.MapGet("/by-session/{session_id}", ListSessionNotes).WithName(nameof(ListSessionNotes));
        notes.MapPost("/re-embed", ReEmbedNotes).WithName(nameof(ReEmbedNotes));
        notes.MapGet("/{id}", GetNote).WithName(nameof(GetNote)).ProducesProblem(StatusCodes.Status404NotFound);
        notes.MapDelete("/{id}", DeleteNote).WithName(nameof(DeleteNote)).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Saves a note of the acting user; 201 even when the embedding service is down (then <c>embedded</c> is false
    /// until the backfill).
    /// </summary>
    public static async Task<Created<NoteResponse>> SaveNote(
        SaveNoteBody body, [FromHeader(Name = ActingUser.Header)] string? actingUser, ISender sender, CancellationToken ct)
    {
        var note = await sender.Send(body.ToCommand(actingUser), ct);
        return TypedResults.Created($"{Route}/{note.Id}", note);
    }

    public static async Task<Ok<NoteResponse>> GetNote(
        Guid id, [FromHeader(Name = ActingUser.Header)] string? actingUser, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetNote(id, actingUser ?? ""), ct));

    public static async Task<NoContent> DeleteNote(
        Guid id, [FromHeader(Name = ActingUser.Header)] string? actingUser, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteNote(id, actingUser ?? ""), ct);
        return TypedResults.NoContent();
    }

    /// <summary>The acting user's notes, newest first.</summary>
    public static async Task<Ok<Page<NoteResponse>>> ListUserNotes(
        [FromQuery] string? category, [FromHeader(Name = ActingUser.Header)] string? actingUser, ISender sender, CancellationToken ct,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListUserNotes(category, new PageRequest(limit, offset), actingUser ?? ""), ct));

    /// <summary>The acting user's notes from one conversation, oldest first.</summary>
    public static async Task<Ok<Page<NoteResponse>>> ListSessionNotes(
        [FromRoute(Name = "session_id")] string sessionId, [FromHeader(Name = ActingUser.Header)] string? actingUser, ISender sender,
        CancellationToken ct, [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListSessionNotes(sessionId, new PageRequest(limit, offset), actingUser ?? ""), ct));

    /// <summary>
    /// The acting user's notes matching <paramref name="q"/>: by meaning and wording fused (<c>hybrid</c>, the default),
    /// by meaning only (<c>vector</c>) or by wording only (<c>text</c>); <c>mode</c> in the answer says which answered
    /// (<c>text</c> while the embedding service is unavailable). See docs/embeddings.md.
    /// </summary>
    /// <param name="mode">hybrid (default), vector or text.</param>
    /// <param name="minScore">0 to 1: each side's matches whose own score is lower are left out.</param>
    public static async Task<Ok<NoteSearchResponse>> SearchNotes(
        [FromQuery] string q, [FromQuery] string? category, [FromHeader(Name = ActingUser.Header)] string? actingUser, ISender sender,
        CancellationToken ct, [FromQuery] int limit = Application.Notes.Queries.SearchNotes.SearchNotes.DefaultLimit,
        [FromQuery] string? mode = null, [FromQuery(Name = "min_score")] double? minScore = null) =>
        TypedResults.Ok(await sender.Send(new SearchNotes(q, limit, category, actingUser ?? "", mode, minScore), ct));

    /// <summary>
    /// Admin, over every user's notes (no acting user): re-embeds up to <paramref name="limit"/> notes not embedded
    /// by the configured model, in id order after <paramref name="after"/>. Repeat with <c>after = next_after</c>
    /// until <c>done</c>.
    /// </summary>
    public static async Task<Ok<EmbeddingPassResult>> ReEmbedNotes(
        [FromQuery] Guid? after, ISender sender, CancellationToken ct,
        [FromQuery] int limit = EmbeddingPassLimits.DefaultReEmbedLimit,
        [FromQuery(Name = "batch_size")] int batchSize = EmbeddingPassLimits.DefaultBatchSize) =>
        TypedResults.Ok(await sender.Send(new ReEmbedNotes(after, limit, batchSize), ct));
}
