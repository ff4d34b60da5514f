using NakamuraMisaki.IntegrationTests.Support;
using Xunit.Abstractions;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes.Quality;

/// <summary>
/// Search quality on the labelled corpus with the offline embedder: the fusion must be at least as good as the better
/// of its two sides on recall@5 and MRR, and every exact term's note comes first in hybrid mode. The table is printed (dotnet test --logger "console;verbosity=detailed").
/// </summary>
public sealed class SearchQualityTests(ApiFactory factory, ITestOutputHelper output) : ApiTest(factory)
{
    [Fact]
    public async Task Hybrid_is_at_least_as_good_as_either_side_on_recall_at_5_and_mrr()
    {
        Assert.True(QualityCorpus.Notes.Length >= 200 && QualityCorpus.Queries.Length >= 60);
        var ids = new Dictionary<string, int>();
        for (var i = 0; i < QualityCorpus.Notes.Length; i++)
        {
            ids[(await Client.SaveNoteAsync(QualityCorpus.Notes[i])).Id()] = i;
        }

        var measured = new List<QualityMetrics>();
        var firstExactHits = new List<(string Query, bool Relevant)>();
        foreach (var mode in new[] { "hybrid", "vector", "text" })
        {
            var ranked = new List<(QualityCorpus.Query, int[])>();
            foreach (var query in QualityCorpus.Queries)
            {
                var found = await Client.SearchAsync(query.Text, mode: mode, limit: 10);
                Assert.Equal(mode, found.Mode());
                var hits = found.GetProperty("items").EnumerateArray().Select(n => ids[n.Id()]).ToArray();
                ranked.Add((query, hits));
                if (mode == "hybrid" && query.Kind == QualityCorpus.Kind.ExactTerm)
                {
                    firstExactHits.Add((query.Text, hits.Length > 0 && query.Relevant.Contains(hits[0])));
                }
            }

            measured.Add(QualityMetrics.Measure(mode, ranked));
        }

        output.WriteLine(QualityMetrics.Table(measured));
        var (hybrid, vector, text) = (measured[0].ByKind[QualityMetrics.Overall], measured[1].ByKind[QualityMetrics.Overall],
            measured[2].ByKind[QualityMetrics.Overall]);
        Assert.True(hybrid.Recall5 >= Math.Max(vector.Recall5, text.Recall5), QualityMetrics.Table(measured));
        Assert.True(hybrid.Mrr >= Math.Max(vector.Mrr, text.Mrr), QualityMetrics.Table(measured));
        // An exact term ranks its note first in hybrid mode: "OOM" inside Japanese ("バッチがOOMで落ちた") above "Zoom".
        Assert.Contains(("OOM", true), firstExactHits);
        Assert.Empty(firstExactHits.Where(h => !h.Relevant).Select(h => h.Query));
    }
}
