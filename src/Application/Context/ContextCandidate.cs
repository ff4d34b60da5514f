namespace NakamuraMisaki.Application.Context;

/// <summary>Something the context may hold, before the budget decides.</summary>
/// <param name="Id">A uuid; for a message <c>{session_id}/{seq}</c> (session ids hold no '/').</param>
/// <param name="Source">Where it lives, relative to /api/v1: <c>notes/{id}</c>, <c>sessions/{session_id}/messages/{seq}</c>, …</param>
/// <param name="Text">What the model reads (<see cref="ContextTexts"/>).</param>
/// <param name="Score">In (0, 1] by the rule of ADR 0030 (<see cref="ContextScores"/>).</param>
/// <param name="At">When it was said or written; for a task its due time, for a hand-off its hand-over time.</param>
public sealed record ContextCandidate(
    ContextItemKind Kind,
    string Id,
    string Source,
    string Text,
    double Score,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> MatchedBy,
    DateTimeOffset At)
{
    /// <summary>Best first; equal scores by kind (tasks, hand-offs, notes, past messages), then id, so one order always.</summary>
    public static readonly IComparer<ContextCandidate> BestFirst = Comparer<ContextCandidate>.Create((a, b) =>
        b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore
        : a.Kind.CompareTo(b.Kind) is var byKind and not 0 ? byKind
        : string.CompareOrdinal(a.Id, b.Id));
}
