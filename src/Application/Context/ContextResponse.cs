namespace NakamuraMisaki.Application.Context;

/// <param name="Tokens">The tokens of <see cref="Text"/> in the response's tokenizer.</param>
/// <param name="Truncated">The text was cut at a token boundary to fit what was left of the budget.</param>
public sealed record ContextItem(
    ContextItemKind Kind,
    string Id,
    string Source,
    string Text,
    int Tokens,
    double Score,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> MatchedBy,
    DateTimeOffset At,
    bool Truncated);

/// <param name="UsedTokens">The sum of the items' tokens: never more than <see cref="BudgetTokens"/>.</param>
/// <param name="Truncated">Something was cut or left out for the budget.</param>
public sealed record ContextResponse(
    IReadOnlyList<ContextItem> Items, int UsedTokens, int BudgetTokens, bool Truncated, string Tokenizer);
