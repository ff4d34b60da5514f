using NakamuraMisaki.Application.Context;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Application.Notes.Queries.SearchNotes;

namespace NakamuraMisaki.UnitTests.Application;

public sealed class ContextScoresTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Urgency_is_one_half_at_the_deadline_and_doubles_its_odds_each_day_late()
    {
        Assert.Equal(0.5, ContextScores.Urgency(Now, Now), 12);
        Assert.Equal(2.0 / 3, ContextScores.Urgency(Now.AddDays(-1), Now), 12);
        Assert.Equal(1.0 / 3, ContextScores.Urgency(Now.AddDays(1), Now), 12);
    }

    [Theory]
    [InlineData(-100_000)]
    [InlineData(-30)]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(100_000)]
    public void Urgency_stays_in_the_scale_and_grows_with_lateness(int daysLate)
    {
        var urgency = ContextScores.Urgency(Now.AddDays(-daysLate), Now);

        Assert.InRange(urgency, double.Epsilon, 1);
        Assert.True(ContextScores.Urgency(Now.AddDays(-daysLate - 1), Now) >= urgency);
    }

    [Fact]
    public void A_one_sided_rank_scores_what_the_hybrid_search_gives_a_hit_only_its_text_side_found()
    {
        var hits = Enumerable.Range(0, 5).Select(i => new NoteSearchHit(
            Guid.CreateVersion7(Now.AddMinutes(i)), "U0ALICE01", null, "general", $"note {i}", Now.AddMinutes(-i), null, 0.9)).ToArray();

        var fused = ReciprocalRankFusion.Fuse([], hits, limit: 5);

        Assert.Equal(fused.Select(h => h.Score), Enumerable.Range(1, 5).Select(ContextScores.TextRank));
        Assert.All(fused, h => Assert.InRange(h.Score, double.Epsilon, 1));
    }
}
