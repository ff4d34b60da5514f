using System.Text.Json;
using NakamuraMisaki.Application.Notes.Commands.BackfillNoteEmbeddings;
using NakamuraMisaki.Application.Notes.Commands.ReEmbedNotes;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>A note the provider keeps refusing is backed off per note, not tried on every backfill pass.</summary>
public sealed class NoteEmbeddingBackoffTests(ApiFactory factory) : ApiTest(factory)
{
    private Task<Application.Notes.Embeddings.EmbeddingPassResult> BackfillAsync() =>
        Factory.SendAsync(new BackfillNoteEmbeddings(MaxNotes: 100, BatchSize: 10));

    [Fact]
    public async Task A_refused_note_first_in_line_is_backed_off_exponentially_and_the_others_are_embedded()
    {
        Factory.Embeddings.Fail();
        foreach (var content in new[] { "poison first", "fine 1", "fine 2" })
        {
            await Client.SaveNoteAsync(content);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Factory.Embeddings.Reset();
        Factory.Embeddings.RefuseTextsContaining("poison");

        // The batch fails, the first note alone fails, the probe answers: the note is refused, the rest embedded.
        var first = await BackfillAsync();
        Assert.Equal((2, 1, true, false), (first.Embedded, first.Failed, first.Done, first.EmbeddingUnavailable));

        // Within its back-off (1 minute after the first refusal) no pass calls the provider for it.
        var calls = Factory.Embeddings.Calls;
        Factory.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal((0, 0, true), Summary(await BackfillAsync()));
        Assert.Equal(calls, Factory.Embeddings.Calls);

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((0, 1, true), Summary(await BackfillAsync()));

        // The second refusal doubles the wait to 2 minutes.
        Factory.Clock.Advance(TimeSpan.FromSeconds(119));
        calls = Factory.Embeddings.Calls;
        Assert.Equal((0, 0, true), Summary(await BackfillAsync()));
        Assert.Equal(calls, Factory.Embeddings.Calls);

        // Once the provider accepts it, the first pass after the wait embeds it.
        Factory.Embeddings.Reset();
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((1, 0, true), Summary(await BackfillAsync()));
        Assert.All(await ListAllAsync(), n => Assert.True(n.GetProperty("embedded").GetBoolean()));
    }

    [Fact]
    public async Task A_re_embed_takes_a_backed_off_note_at_once()
    {
        Factory.Embeddings.Fail();
        await Client.SaveNoteAsync("poison alone");
        Factory.Embeddings.Reset();
        Factory.Embeddings.RefuseTextsContaining("poison");
        Assert.Equal((0, 1, true), Summary(await BackfillAsync()));
        Assert.Equal((0, 0, true), Summary(await BackfillAsync()));

        // An operator's re-embed (typically after changing the model) is not held back by the backfill's back-off.
        Factory.Embeddings.Reset();
        var reEmbed = await Factory.SendAsync(new ReEmbedNotes(After: null, Limit: 100, BatchSize: 10));
        Assert.Equal(1, reEmbed.Embedded);
    }

    private async Task<JsonElement[]> ListAllAsync() =>
        (await Client.GetOkJsonAsync($"{Route}?limit=100")).GetProperty("items").EnumerateArray().ToArray();

    private static (int Embedded, int Failed, bool Done) Summary(Application.Notes.Embeddings.EmbeddingPassResult pass) =>
        (pass.Embedded, pass.Failed, pass.Done);
}
