using Mediator;
using NakamuraMisaki.Api.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Api.Security;
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
        // Everything but maintenance acts for the user who sends it.
        var mine = notes.MapGroup("").ActsForUser().RequireScopes(ScopeRequirement.Notes);

        mine.MapPost("/", SaveNote).WithName(nameof(SaveNote)).AcceptsIdempotencyKey();
        mine.MapGet("/", ListUserNotes).WithName(nameof(ListUserNotes));
        mine.MapGet("/search", SearchNotes).WithName(nameof(SearchNotes))
            .AddEndpointFilter<Utf8QueryStringFilter>().AddOpenApiOperationTransformer(NoteSearchOpenApi.DescribeParameters);
        mine.MapGet("/by-session/{session_id}", ListSessionNotes).WithName(nameof(ListSessionNotes));
        notes.MapPost("/re-embed", ReEmbedNotes).WithName(nameof(ReEmbedNotes)).RequireScopes(ScopeRequirement.Maintenance);
        mine.MapGet("/{id}", GetNote).WithName(nameof(GetNote)).ProducesProblem(StatusCodes.Status404NotFound);
        mine.MapDelete("/{id}", DeleteNote).WithName(nameof(DeleteNote)).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Saves a note of the acting user; 201 even when the embedding service is down (then <c>embedded</c> is false
    /// until the backfill).
    /// </summary>
    public static async Task<Created<NoteResponse>> SaveNote(
        SaveNoteBody body, ISender sender, CancellationToken ct)
    {
        var note = await sender.Send(body.ToCommand(), ct);
        return TypedResults.Created($"{Route}/{note.Id}", note);
    }

    public static async Task<Ok<NoteResponse>> GetNote(
        Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetNote(id), ct));

    public static async Task<NoContent> DeleteNote(
        Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteNote(id), ct);
        return TypedResults.NoContent();
    }

    /// <summary>The acting user's notes, newest first.</summary>
    public static async Task<Ok<Page<NoteResponse>>> ListUserNotes(
        [FromQuery] string? category, ISender sender, CancellationToken ct,
        [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListUserNotes(category, new PageRequest(limit, offset)), ct));

    /// <summary>The acting user's notes from one conversation, oldest first.</summary>
    public static async Task<Ok<Page<NoteResponse>>> ListSessionNotes(
        [FromRoute(Name = "session_id")] string sessionId, ISender sender,
        CancellationToken ct, [FromQuery] int limit = PageRequest.DefaultLimit, [FromQuery] int offset = 0) =>
        TypedResults.Ok(await sender.Send(new ListSessionNotes(sessionId, new PageRequest(limit, offset)), ct));

    /// <summary>
    /// The acting user's notes matching <paramref name="q"/>: by meaning and wording fused (<c>hybrid</c>, the default),
    /// by meaning only (<c>vector</c>) or by wording only (<c>text</c>); <c>mode</c> in the answer says which answered
    /// (<c>text</c> while the embedding service is unavailable). See docs/embeddings.md.
    /// </summary>
    /// <param name="mode">hybrid (default), vector or text.</param>
    /// <param name="minScore">0 to 1: each side's matches whose own score is lower are left out.</param>
    public static async Task<Ok<NoteSearchResponse>> SearchNotes(
        [FromQuery] string q, [FromQuery] string? category, ISender sender,
        CancellationToken ct, [FromQuery] int limit = SearchNotesLimits.DefaultLimit,
        [FromQuery] string? mode = null, [FromQuery(Name = "min_score")] double? minScore = null) =>
        TypedResults.Ok(await sender.Send(new SearchNotes(q, limit, category, mode, minScore), ct));

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
