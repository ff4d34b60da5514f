namespace NakamuraMisaki.IntegrationTests.Notes.Quality;

/// <summary>Recall@5 and mean reciprocal rank of one mode over the corpus's queries, overall and per kind.</summary>
public sealed record QualityMetrics(string Mode, IReadOnlyDictionary<string, (double Recall5, double Mrr)> ByKind)
{
    public const int RecallDepth = 5;
    public const string Overall = "all";

    /// <param name="ranked">Per query, the corpus indices of the notes found, best first.</param>
    public static QualityMetrics Measure(string mode, IReadOnlyList<(QualityCorpus.Query Query, int[] Ranked)> ranked)
    {
        var scored = ranked.Select(r => (Kind: r.Query.Kind.ToString(), Recall: Recall(r.Query, r.Ranked), Rr: Reciprocal(r.Query, r.Ranked))).ToArray();
        var byKind = scored.GroupBy(s => s.Kind)
            .ToDictionary(g => g.Key, g => (g.Average(s => s.Recall), g.Average(s => s.Rr)));
        byKind[Overall] = (scored.Average(s => s.Recall), scored.Average(s => s.Rr));
        return new QualityMetrics(mode, byKind);
    }

    /// <summary>A table, one row per mode, a recall@5 / MRR column pair per kind.</summary>
    public static string Table(IReadOnlyList<QualityMetrics> modes)
    {
        var kinds = modes[0].ByKind.Keys.Order(StringComparer.Ordinal).ToArray();
        var lines = new List<string> { "mode    | " + string.Join(" | ", kinds.Select(k => $"{k,-22}")) };
        lines.Add("        | " + string.Join(" | ", kinds.Select(_ => $"{"recall@5",-10} {"MRR",-11}")));
        lines.AddRange(modes.Select(m => $"{m.Mode,-7} | " +
            string.Join(" | ", kinds.Select(k => $"{m.ByKind[k].Recall5,-10:F3} {m.ByKind[k].Mrr,-11:F3}"))));
        return string.Join('\n', lines);
    }

    private static double Recall(QualityCorpus.Query query, int[] ranked) =>
        (double)ranked.Take(RecallDepth).Count(query.Relevant.Contains) / query.Relevant.Length;

    private static double Reciprocal(QualityCorpus.Query query, int[] ranked) =>
        Array.FindIndex(ranked, query.Relevant.Contains) is var at and >= 0 ? 1.0 / (at + 1) : 0;
}
