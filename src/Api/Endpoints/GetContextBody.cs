using NakamuraMisaki.Application.Context.Queries.GetContext;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>POST /api/v1/context. The user is the acting user (X-Slack-User-Id); docs/context.md says what comes back.</summary>
/// <param name="Query">What the user asked: notes and earlier messages are searched with it (1-1,000 characters).</param>
/// <param name="SessionId">The conversation being answered: its last messages come first.</param>
/// <param name="BudgetTokens">The most tokens the items may hold together, 1-200,000.</param>
/// <param name="Tokenizer">Whose tokens: o200k_base (default) or cl100k_base.</param>
/// <param name="Include">The kinds to gather (message, note, past_message, task, handoff); omitted: all.</param>
/// <param name="Limits">Candidates considered per kind, 1-100 each; omitted: 20 recent messages, 10 notes, 10 past messages, 20 tasks, 20 hand-offs.</param>
/// <param name="TimeZone">The user's IANA zone, for "due today" and the times in the texts; omitted: Asia/Tokyo.</param>
public sealed record GetContextBody(
    string Query,
    string? SessionId,
    int? BudgetTokens,
    string? Tokenizer = null,
    IReadOnlyList<string>? Include = null,
    ContextLimits? Limits = null,
    string? TimeZone = null)
{
    internal GetContext ToCommand() => new(Query, SessionId, BudgetTokens, Tokenizer, Include, Limits, TimeZone);
}
