namespace NakamuraMisaki.Application.Context;

/// <summary>
/// Fills the budget (docs/context.md): first the session's recent messages, newest first and whole, stopping at the
/// first that does not fit (a gap would mislead the model about the conversation); then the rest best first, each
/// whole when it fits, else cut to what is left when at least <see cref="MinimumCutTokens"/> are left, else left out.
/// So no candidate that was left out would have fitted whole in what was left.
/// </summary>
public static class ContextPacker
{
    /// <summary>A cut shorter than this tells the model nothing; the tokens go to smaller items further down.</summary>
    public const int MinimumCutTokens = 16;

    public static (List<ContextItem> Items, int Used, bool Truncated) Pack(
        IReadOnlyList<ContextCandidate> recentNewestFirst, IEnumerable<ContextCandidate> ranked, ITokenCounter tokens,
        int budget)
    {
        var items = new List<ContextItem>();
        var left = budget;
        var truncated = false;
        foreach (var message in recentNewestFirst)
        {
            if (tokens.CountUpTo(message.Text, left) is not { } count)
            {
                truncated = true;
                break;
            }

            items.Add(Item(message, message.Text, count, cut: false));
            left -= count;
        }

        foreach (var candidate in ranked.Order(ContextCandidate.BestFirst))
        {
            if (tokens.CountUpTo(candidate.Text, left) is { } count)
            {
                items.Add(Item(candidate, candidate.Text, count, cut: false));
                left -= count;
                continue;
            }

            truncated = true;
            if (left >= MinimumCutTokens && tokens.Cut(candidate.Text, left) is { Tokens: > 0 } part)
            {
                items.Add(Item(candidate, part.Prefix, part.Tokens, cut: true));
                left -= part.Tokens;
            }
        }

        return (items, budget - left, truncated);
    }

    private static ContextItem Item(ContextCandidate c, string text, int tokens, bool cut) =>
        new(c.Kind, c.Id, c.Source, text, tokens, c.Score, c.Reasons, c.MatchedBy, c.At, cut);
}
