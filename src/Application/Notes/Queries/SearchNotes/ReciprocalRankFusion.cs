namespace NakamuraMisaki.Application.Notes.Queries.SearchNotes;

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a note's fused score is the sum over the sides
/// that found it of <c>weight / (K + rank)</c>, rank 1 being a side's best. Ranks, not scores, are fused, because a
/// cosine similarity and a lexical score are on scales that cannot be compared. See docs/decisions (hybrid search).
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>The usual constant: large enough that a note ranked first by one side alone does not drown a note that
    /// both sides rank a little lower.</summary>
    public const int K = 60;

    /// <summary>
    /// When the sides disagree at equal ranks, the wording wins: a note holding the exact term (<c>OOM</c>, a ticket
    /// number) should outrank one that only looks alike (<c>Zoom</c>). Still, the first note of the vector side alone
    /// (0.8/61) outranks the fifth of the text side alone (1/65), so meaning keeps its say.
    /// </summary>
    public const double VectorWeight = 0.8;
    public const double TextWeight = 1.0;

    /// <summary>The highest fused score (first on both sides): every score is divided by it, so it lies in (0, 1].</summary>
    public const double Best = (VectorWeight + TextWeight) / (K + 1);

    public const string VectorSide = "vector";
    public const string TextSide = "text";

    /// <summary>
    /// Fuses both sides' best-first lists. Each hit's score is the fused score divided by the highest possible one
    /// (first on both sides), so it lies in (0, 1]: 1 = ranked first by both, 0.5 = first on one side only.
    /// </summary>
    public static IReadOnlyList<NoteSearchHit> Fuse(
        IReadOnlyList<NoteSearchHit> byVector, IReadOnlyList<NoteSearchHit> byText, int limit)
    {
        var fused = new Dictionary<Guid, (NoteSearchHit Hit, double Score, List<string> Sides)>();
        Add(byVector, VectorWeight, VectorSide);
        Add(byText, TextWeight, TextSide);
        return fused.Values
            .Select(f => f.Hit with { Score = f.Score / Best, MatchedBy = f.Sides })
            .Order(NoteSearchHit.BestFirst)
            .Take(limit)
            .ToArray();

        void Add(IReadOnlyList<NoteSearchHit> hits, double weight, string side)
        {
            for (var i = 0; i < hits.Count; i++)
            {
                var contribution = weight / (K + i + 1);
                fused[hits[i].Id] = fused.TryGetValue(hits[i].Id, out var seen)
                    ? (seen.Hit, seen.Score + contribution, [.. seen.Sides, side])
                    : (hits[i], contribution, [side]);
            }
        }
    }

    /// <summary>
    /// The normalised score of a hit that only one side found, at <paramref name="rank"/> (1 = that side's best): what
    /// <see cref="Fuse"/> gives it. The context endpoint scores lists that have one side only (conversation history,
    /// notes while the embedding service is unavailable) with it, so they share the notes' scale (ADR 0030).
    /// </summary>
    public static double OneSide(double weight, int rank) => weight / (K + rank) / Best;

    /// <summary>Marks a single side's hits with the side that found them.</summary>
    public static IReadOnlyList<NoteSearchHit> FromOneSide(IReadOnlyList<NoteSearchHit> hits, string side) =>
        hits.Select(h => h with { MatchedBy = [side] }).ToArray();
}
