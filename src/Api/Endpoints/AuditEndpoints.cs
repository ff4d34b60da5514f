using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Audit.Queries.ListAuditEvents;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>/api/v1/audit: the audit trail, read-only (no route updates or deletes it), for the maintenance scope.</summary>
public static class AuditEndpoints
{
    public const string Route = "/api/v1/audit";

    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup(Route).WithTags("Audit").RequireScopes(ScopeRequirement.Maintenance)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        audit.MapGet("/", ListAuditEvents).WithName(nameof(ListAuditEvents)).AddEndpointFilter<Utf8QueryStringFilter>();
    }

    /// <summary>Newest first; <c>to</c> is exclusive; page with <c>before_id</c> = the previous page's <c>next_before_id</c>.</summary>
    public static async Task<Ok<AuditEventPage>> ListAuditEvents(
        [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] string? client,
        [FromQuery] string? user, [FromQuery] string? operation, [FromQuery(Name = "before_id")] long? beforeId,
        [FromQuery] int? limit, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(
            new ListAuditEvents(new AuditFilter(from, to, client, user, operation, beforeId), limit), ct));
}
