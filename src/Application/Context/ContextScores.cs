using NakamuraMisaki.Application.Notes.Queries.SearchNotes;

namespace NakamuraMisaki.Application.Context;

/// <summary>
/// The one scale of the context's ranking, in (0, 1] (ADR 0030). Relevance is the hybrid search's normalised
/// reciprocal rank fusion; urgency a logistic curve of how late something is.
/// </summary>
public static class ContextScores
{
    /// <summary>Each day past a deadline doubles the odds u / (1 - u); at the deadline u = 0.5.</summary>
    public static readonly TimeSpan UrgencyDoublingTime = TimeSpan.FromHours(24);

    /// <summary>The session's recent messages come first whatever the rest scores: they carry the top of the scale.</summary>
    public const double Recent = 1.0;

    /// <summary>
    /// How pressing something with <paramref name="deadline"/> is at <paramref name="now"/>:
    /// u = 1 / (1 + 2^(-(now - deadline) / 24 h)). 0.5 when it is due now, 2/3 a day late, 1/3 due in a day; more
    /// overdue is more urgent, as the overdue list orders it.
    /// </summary>
    public static double Urgency(DateTimeOffset deadline, DateTimeOffset now)
    {
        var lateness = (now - deadline) / UrgencyDoublingTime;
        var urgency = 1 / (1 + Math.Pow(2, -lateness));
        // Far in the future the curve underflows to 0; the scale is (0, 1].
        return Math.Max(urgency, double.Epsilon);
    }

    /// <summary>A hit of a one-sided, best-first list (past messages; notes while only text answers): its fusion score.</summary>
    public static double TextRank(int rank) => ReciprocalRankFusion.OneSide(ReciprocalRankFusion.TextWeight, rank);
}
