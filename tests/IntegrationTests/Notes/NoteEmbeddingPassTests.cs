using System.Text.Json;
using NakamuraMisaki.Application.Notes.Commands.BackfillNoteEmbeddings;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>The backfill (notes without an embedding) and the re-embed (notes of another model).</summary>
public sealed class NoteEmbeddingPassTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_backfill_embeds_only_notes_without_an_embedding_in_batches()
    {
        await Client.SaveNoteAsync("already embedded");
        Factory.Embeddings.Fail();
        for (var i = 0; i < 5; i++)
        {
            await Client.SaveNoteAsync($"missed {i}");
        }

        Factory.Embeddings.Reset();
        var pass = await Factory.SendAsync(new BackfillNoteEmbeddings(MaxNotes: 100, BatchSize: 2));

        Assert.Equal((5, 0, true, false), (pass.Embedded, pass.Failed, pass.Done, pass.EmbeddingUnavailable));
        Assert.Equal(3, Factory.Embeddings.Calls); // batches of 2, 2 and 1
        Assert.All(await ListAllAsync(), n => Assert.True(n.GetProperty("embedded").GetBoolean()));

        var again = await Factory.SendAsync(new BackfillNoteEmbeddings(MaxNotes: 100, BatchSize: 2));
        Assert.Equal((0, true), (again.Embedded, again.Done));
    }

    [Fact]
    public async Task A_backfill_pass_stops_at_its_maximum_and_the_next_one_goes_on()
    {
        Factory.Embeddings.Fail();
        for (var i = 0; i < 3; i++)
        {
            await Client.SaveNoteAsync($"missed {i}");
        }

        Factory.Embeddings.Reset();
        var first = await Factory.SendAsync(new BackfillNoteEmbeddings(MaxNotes: 2, BatchSize: 10));
        Assert.Equal((2, false), (first.Embedded, first.Done));
        var second = await Factory.SendAsync(new BackfillNoteEmbeddings(MaxNotes: 2, BatchSize: 10));
        Assert.Equal((1, true), (second.Embedded, second.Done));
    }

    [Fact]
    public async Task A_backfill_while_the_service_is_down_changes_nothing_and_waits_for_no_call()
    {
        Factory.Embeddings.Fail();
        for (var i = 0; i < 4; i++)
        {
            await Client.SaveNoteAsync($"missed {i}");
        }

        var callsBefore = Factory.Embeddings.Calls;
        var pass = await Factory.SendAsync(new BackfillNoteEmbeddings(MaxNotes: 100, BatchSize: 10));

        Assert.Equal((0, true, false), (pass.Embedded, pass.EmbeddingUnavailable, pass.Done));
        // The failed saves opened the circuit breaker: the pass does not call the provider at all (before the breaker:
        // the batch, then its first note alone).
        Assert.Equal(0, Factory.Embeddings.Calls - callsBefore);
        Assert.All(await ListAllAsync(), n => Assert.False(n.GetProperty("embedded").GetBoolean()));

        // So no note was backed off: once the service is back, the very next pass embeds them all.
        Factory.Embeddings.Reset();
        var next = await Factory.SendAsync(new BackfillNoteEmbeddings(MaxNotes: 100, BatchSize: 10));
        Assert.Equal((4, 0, true), (next.Embedded, next.Failed, next.Done));
    }

    [Fact]
    public async Task A_note_the_provider_refuses_is_skipped_and_the_others_embedded()
    {
        Factory.Embeddings.Fail();
        // Ids are UUIDv7 of the test clock: a second apart, the pass meets the notes in this order.
        foreach (var content in new[] { "fine 1", "poison pill", "fine 2" })
        {
            await Client.SaveNoteAsync(content);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Factory.Embeddings.Reset();
        Factory.Embeddings.RefuseTextsContaining("poison");

        var pass = await Factory.SendAsync(new BackfillNoteEmbeddings(MaxNotes: 100, BatchSize: 10));

        Assert.Equal((2, 1, true), (pass.Embedded, pass.Failed, pass.Done));
        var embedded = (await ListAllAsync()).ToDictionary(
            n => n.GetProperty("content").GetString()!, n => n.GetProperty("embedded").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["fine 1"] = true, ["poison pill"] = false, ["fine 2"] = true }, embedded);
    }

    [Fact]
    public async Task Re_embedding_moves_notes_to_the_configured_model_resumably_and_idempotently()
    {
        for (var i = 0; i < 3; i++)
        {
            await Client.SaveNoteAsync($"デプロイ手順 {i}");
        }

        Factory.Embeddings.ReportModel("model-v2");
        // Vectors of different models are never compared: until re-embedded, meaning search finds nothing.
        Assert.Empty((await Client.SearchAsync("デプロイ手順", mode: "vector")).Contents());

        var first = await Client.PostOkJsonAsync($"{Route}/re-embed?limit=2&batch_size=1");
        Assert.Equal(("model-v2", 2, false), Summary(first));
        var cursor = first.GetProperty("next_after").GetString();
        Assert.Equal((await ListAllAsync()).OrderBy(n => n.GetProperty("created_at").GetDateTimeOffset()).ElementAt(1).Id(), cursor);

        var rest = await Client.PostOkJsonAsync($"{Route}/re-embed?limit=2&after={cursor}");
        Assert.Equal(("model-v2", 1, true), Summary(rest));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next_after").ValueKind);

        Assert.All(await ListAllAsync(), n => Assert.Equal("model-v2", n.GetProperty("embedding_model").GetString()));
        var found = await Client.SearchAsync("デプロイ手順");
        Assert.Equal(3, found.Contents().Length);

        var again = await Client.PostOkJsonAsync($"{Route}/re-embed");
        Assert.Equal(("model-v2", 0, true), Summary(again));
    }

    [Fact]
    public async Task Re_embedding_also_embeds_notes_that_never_had_an_embedding()
    {
        await Client.SaveNoteAsync("embedded at once");
        Factory.Embeddings.Fail();
        await Client.SaveNoteAsync("saved during an outage");
        Factory.Embeddings.Reset();

        var result = await Client.PostOkJsonAsync($"{Route}/re-embed");

        Assert.Equal(("hashed-ngram-v1", 1, true), Summary(result));
        Assert.All(await ListAllAsync(), n => Assert.True(n.GetProperty("embedded").GetBoolean()));
    }

    [Fact]
    public async Task Re_embedding_while_the_service_is_down_reports_it_and_keeps_the_old_embeddings()
    {
        await Client.SaveNoteAsync("old model note");
        Factory.Embeddings.ReportModel("model-v2");
        Factory.Embeddings.Fail();

        var result = await Client.PostOkJsonAsync($"{Route}/re-embed");

        Assert.True(result.GetProperty("embedding_unavailable").GetBoolean());
        Assert.False(result.GetProperty("done").GetBoolean());
        Assert.Equal(0, result.GetProperty("embedded").GetInt32());
        Assert.Equal("hashed-ngram-v1", (await ListAllAsync()).Single().GetProperty("embedding_model").GetString());
    }

    private static (string, int, bool) Summary(JsonElement result) =>
        (result.GetProperty("model").GetString()!, result.GetProperty("embedded").GetInt32(), result.GetProperty("done").GetBoolean());

    private async Task<JsonElement[]> ListAllAsync() =>
        (await Client.GetOkJsonAsync($"{Route}?limit=100")).GetProperty("items").EnumerateArray().ToArray();
}
