using Mediator;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Application.Notes.Queries.SearchNotes;
using NakamuraMisaki.Application.Sessions.Messages.Queries.SearchSessionMessages;

namespace NakamuraMisaki.Application.Context.Queries.GetContext;

/// <summary>
/// What the model should know before a reply, in one answer that fits <see cref="BudgetTokens"/>: the session's last
/// messages, then notes and earlier messages matching <see cref="Query"/>, the acting user's due and overdue tasks
/// and the hand-offs waiting on them, ranked on one scale (ADR 0030) and cut to the budget (docs/context.md).
/// </summary>
/// <param name="SessionId">The conversation being answered: its last messages come first. Another user's: 404.</param>
/// <param name="BudgetTokens">1-200,000 tokens of <see cref="Tokenizer"/>; required.</param>
/// <param name="Tokenizer">o200k_base (default) or cl100k_base.</param>
/// <param name="Include">The kinds to gather; absent: all.</param>
/// <param name="Limits">How many candidates of each kind are considered; absent: the defaults.</param>
/// <param name="TimeZone">The user's zone (IANA), for "due today" and the times in the texts; default Asia/Tokyo.</param>
public sealed record GetContext(
    string Query,
    string? SessionId,
    int? BudgetTokens,
    string? Tokenizer = null,
    IReadOnlyList<string>? Include = null,
    ContextLimits? Limits = null,
    string? TimeZone = null) : IRequest<ContextResponse>, IActingUserRequest
{
    public const int MaxBudgetTokens = 200_000;

    public string TimeZoneOrDefault => TimeZone ?? TimeZoneRules.DefaultTimeZone;
}

/// <summary>Candidates considered per kind (each 1-100), before the budget chooses among them.</summary>
public sealed record ContextLimits(
    int? RecentMessages = null, int? Notes = null, int? PastMessages = null, int? Tasks = null, int? Handoffs = null)
{
    /// <summary>The searches' own page limit, which the note and message candidates go through.</summary>
    public const int Max = SearchNotesLimits.MaxLimit < SearchSessionMessages.MaxLimit ? SearchNotesLimits.MaxLimit : SearchSessionMessages.MaxLimit;

    public static readonly ContextLimits Defaults = new(20, 10, 10, 20, 20);

    public ContextLimits OrDefaults() => new(
        RecentMessages ?? Defaults.RecentMessages, Notes ?? Defaults.Notes, PastMessages ?? Defaults.PastMessages,
        Tasks ?? Defaults.Tasks, Handoffs ?? Defaults.Handoffs);
}
