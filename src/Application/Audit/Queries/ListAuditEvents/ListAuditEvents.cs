using FluentValidation;
using Mediator;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Domain.Audit;

namespace NakamuraMisaki.Application.Audit.Queries.ListAuditEvents;

/// <summary>The audit trail, newest first, filtered; a page ends with the cursor of the next (<c>before_id</c>).</summary>
public sealed record ListAuditEvents(AuditFilter Filter, int? Limit) : IRequest<AuditEventPage>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;
}

/// <param name="Details">What the operation reported (a pass's counts); <c>{}</c> when nothing.</param>
public sealed record AuditEventResponse(
    long Id, DateTimeOffset OccurredAt, string Client, string? ActingUser, string Operation, string? ResourceId,
    string Outcome, System.Text.Json.JsonElement Details, string? RemoteAddress, int Count)
{
    public static AuditEventResponse From(AuditEvent e) => new(
        e.Id, e.OccurredAt, e.Client, e.ActingUser, e.Operation, e.ResourceId, e.Outcome,
        System.Text.Json.JsonDocument.Parse(e.Details ?? "{}").RootElement.Clone(),
        e.RemoteAddress, e.Count);
}

/// <param name="NextBeforeId">Pass as <c>before_id</c> for the next (older) page; null at the end.</param>
public sealed record AuditEventPage(IReadOnlyList<AuditEventResponse> Items, long? NextBeforeId);

public sealed class ListAuditEventsHandler(IAuditEventRepository events) : IRequestHandler<ListAuditEvents, AuditEventPage>
{
    public async ValueTask<AuditEventPage> Handle(ListAuditEvents request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? ListAuditEvents.DefaultLimit;
        // One more than asked says whether another page follows without a count.
        var found = await events.ListAsync(request.Filter, limit + 1, cancellationToken);
        var page = found.Take(limit).Select(AuditEventResponse.From).ToArray();
        return new AuditEventPage(page, found.Count > limit ? page[^1].Id : null);
    }
}

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEvents>
{
    public ListAuditEventsValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, ListAuditEvents.MaxLimit).OverridePropertyName("limit");
        RuleFor(x => x.Filter.BeforeId).GreaterThanOrEqualTo(1).OverridePropertyName("before_id");
        RuleFor(x => x.Filter.To).GreaterThan(x => x.Filter.From).When(x => x.Filter is { From: not null, To: not null })
            .OverridePropertyName("to");
        RuleFor(x => x.Filter.Client).MaximumLength(200).Must(c => c is null || !c.Any(char.IsControl))
            .WithMessage("'client' must not contain control characters.").OverridePropertyName("client");
        RuleFor(x => x.Filter.User).SlackUserId().When(x => x.Filter.User is not null).OverridePropertyName("user");
        RuleFor(x => x.Filter.Operation).Matches("^[a-z_.]{1,64}$").When(x => x.Filter.Operation is not null)
            .OverridePropertyName("operation");
    }
}
