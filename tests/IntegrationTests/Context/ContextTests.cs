using System.Text.Json;
using NoteRequests = NakamuraMisaki.IntegrationTests.Notes.NoteRequests;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Context.ContextRequests;

namespace NakamuraMisaki.IntegrationTests.Context;

/// <summary>The ordering and budget rules of POST /api/v1/context on a seeded user (docs/context.md).</summary>
public sealed class ContextTests(ApiFactory factory) : ApiTest(factory)
{
    private static object Ask(int budget, string? tokenizer = null, string[]? include = null) => new
    {
        query = ContextSeed.Query, session_id = ContextSeed.Session, budget_tokens = budget, tokenizer, include,
    };

    [Fact]
    public async Task The_recent_messages_come_first_newest_first_then_everything_ranked_on_one_scale()
    {
        var seed = await ContextSeed.PlantAsync(Client);

        var context = await Client.ContextAsync(Ask(4_000));
        var items = context.Items();

        Assert.Equal(Enumerable.Reverse(ContextSeed.Conversation),
            items.TakeWhile(i => i.Kind() == "message").Select(i => i.Text()[(i.Text().IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        Assert.Equal("user: 移行のリハーサルはいつでしたっけ?", items[4].Text());
        var ranked = items.Skip(5).ToArray();
        Assert.DoesNotContain(ranked, i => i.Kind() == "message");
        Assert.Equal(ranked.Select(i => i.GetProperty("score").GetDouble()).OrderDescending(), ranked.Select(i => i.GetProperty("score").GetDouble()));
        Assert.All(items, i => Assert.InRange(i.GetProperty("score").GetDouble(), double.Epsilon, 1));
        Assert.All(items.Take(5), i => Assert.Equal(["recent"], i.Strings("reasons")));

        var tasks = ranked.Where(i => i.Kind() == "task").ToArray();
        Assert.Equal([seed.Overdue.Id(), seed.DueToday.Id()], tasks.Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["overdue"], tasks[0].Strings("reasons"));
        Assert.Equal(["due_today"], tasks[1].Strings("reasons"));
        Assert.Equal("Task (due today, due 2026-06-15 17:00): 手順書のレビュー\nDBA チームに確認", tasks[1].Text());
        Assert.Equal($"tasks/{seed.Overdue.Id()}", tasks[0].GetProperty("source").GetString());

        var handoff = Assert.Single(ranked, i => i.Kind() == "handoff");
        Assert.Equal(seed.WaitingHandoff.Id(), handoff.GetProperty("id").GetString());
        Assert.Equal(["waiting_on_you"], handoff.Strings("reasons"));

        var notes = ranked.Where(i => i.Kind() == "note").ToArray();
        Assert.StartsWith("Note (decisions, ", notes[0].Text());
        Assert.All(notes, n => Assert.NotEmpty(n.Strings("matched_by")));
        var past = Assert.Single(ranked, i => i.Kind() == "past_message");
        Assert.Equal("s-old/1", past.GetProperty("id").GetString());
        Assert.Equal("sessions/s-old/messages/1", past.GetProperty("source").GetString());
        Assert.Equal(["text"], past.Strings("matched_by"));
        Assert.DoesNotContain(ranked, i => i.Text().Contains("来週の準備") || i.Text().Contains("終わった") || i.Text().Contains("日付なし"));

        Assert.False(context.GetProperty("truncated").GetBoolean());
        Assert.Equal(context.Recount(), context.GetProperty("used_tokens").GetInt32());
        Assert.Equal("o200k_base", context.GetProperty("tokenizer").GetString());
    }

    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    public async Task No_budget_is_exceeded_by_a_single_token_and_nothing_left_out_would_have_fitted(string tokenizer)
    {
        await ContextSeed.PlantAsync(Client);
        var everything = await Client.ContextAsync(Ask(200_000, tokenizer));
        var full = everything.Items().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.Text());
        var total = everything.GetProperty("used_tokens").GetInt32();

        foreach (var budget in new[] { 1, 5, 12, 20, 33, 47, 64, 90, 128, 170, total - 1, total })
        {
            var context = await Client.ContextAsync(Ask(budget, tokenizer));
            var items = context.Items();
            var used = context.GetProperty("used_tokens").GetInt32();

            Assert.True(used <= budget, $"{used} tokens for a budget of {budget}");
            Assert.Equal(context.Recount(), used);
            Assert.All(items, i => Assert.Equal(context.Recount([i]), i.GetProperty("tokens").GetInt32()));
            Assert.Equal(budget, context.GetProperty("budget_tokens").GetInt32());
            Assert.Equal(budget < total, context.GetProperty("truncated").GetBoolean());

            // Recent messages: a run of the newest, whole.
            var recent = items.TakeWhile(i => i.Kind() == "message").ToArray();
            Assert.Equal(everything.Items().Take(recent.Length).Select(i => i.Text()), recent.Select(i => i.Text()));
            foreach (var item in items)
            {
                var whole = full[item.GetProperty("id").GetString()!];
                Assert.Equal(item.GetProperty("truncated").GetBoolean(), item.Text() != whole);
                Assert.StartsWith(item.Text(), whole, StringComparison.Ordinal);
            }

            var left = budget - used;
            var chosen = items.Select(i => i.GetProperty("id").GetString()).ToHashSet();
            var leftOut = everything.Items().Skip(ContextSeed.Conversation.Length).Where(i => !chosen.Contains(i.GetProperty("id").GetString()));
            Assert.All(leftOut, i => Assert.True(Count(tokenizer, i.Text()) > left,
                $"budget {budget}: '{i.Text()}' ({Count(tokenizer, i.Text())} tokens) was left out with {left} tokens left"));
        }
    }

    [Fact]
    public async Task An_item_larger_than_what_is_left_is_cut_at_a_token_boundary_without_splitting_a_character()
    {
        await NoteRequests.SaveNoteAsync(Client, "絵文字の移行手順 " + string.Concat(Enumerable.Repeat("🍣𠮷🧑‍💻寿司", 200)));

        for (var budget = 20; budget < 60; budget++)
        {
            var context = await Client.ContextAsync(new { query = "絵文字の移行手順", budget_tokens = budget, include = new[] { "note" } });
            var note = Assert.Single(context.Items());

            Assert.True(note.GetProperty("truncated").GetBoolean());
            Assert.True(context.GetProperty("truncated").GetBoolean());
            Assert.False(char.IsHighSurrogate(note.Text()[^1]), $"cut inside a surrogate pair at {budget}");
            Assert.InRange(context.GetProperty("used_tokens").GetInt32(), 1, budget);
            Assert.Equal(context.Recount(), context.GetProperty("used_tokens").GetInt32());
        }
    }

    [Fact]
    public async Task Include_gathers_only_the_kinds_named_and_the_session_is_optional()
    {
        await ContextSeed.PlantAsync(Client);

        var tasksOnly = await Client.ContextAsync(Ask(4_000, include: ["task", "handoff"]));
        Assert.Equal(["task", "handoff", "task"], tasksOnly.Items().Select(i => i.Kind()));

        var noSession = await Client.ContextAsync(new { query = ContextSeed.Query, budget_tokens = 4_000 });
        Assert.DoesNotContain(noSession.Items(), i => i.Kind() == "message");
        Assert.Contains(noSession.Items(), i => i.Kind() == "past_message" && i.Text().Contains("もう一度確認したい"));
    }

    [Fact]
    public async Task A_message_of_the_recent_window_is_not_repeated_as_a_past_message()
    {
        await ContextSeed.PlantAsync(Client);

        var context = await Client.ContextAsync(Ask(4_000));

        var ids = context.Items().Select(i => i.GetProperty("id").GetString()).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.DoesNotContain(context.Items(), i => i.Kind() == "past_message" && i.Text().Contains("もう一度確認したい"));
    }

    [Fact]
    public async Task Without_the_embedding_service_notes_still_come_by_their_words_on_the_same_scale()
    {
        await ContextSeed.PlantAsync(Client);
        Factory.Embeddings.Fail();

        var context = await Client.ContextAsync(Ask(4_000, include: ["note", "past_message"]));

        var notes = context.Items().Where(i => i.Kind() == "note").ToArray();
        Assert.NotEmpty(notes);
        Assert.All(notes, n => Assert.Equal(["text"], n.Strings("matched_by")));
        // First by text alone: what the hybrid search gives a note only its text side ranks first.
        Assert.Equal(1.0 / 61 / (1.8 / 61), notes[0].GetProperty("score").GetDouble(), 12);
    }

    [Fact]
    public async Task A_task_turns_from_due_today_to_overdue_as_the_clock_passes_its_due_time()
    {
        var seed = await ContextSeed.PlantAsync(Client);
        Factory.Clock.Advance(TimeSpan.FromHours(6));

        var context = await Client.ContextAsync(Ask(4_000, include: ["task"]));

        var task = Assert.Single(context.Items(), i => i.GetProperty("id").GetString() == seed.DueToday.Id());
        Assert.Equal(["overdue", "due_today"], task.Strings("reasons"));
    }
}
