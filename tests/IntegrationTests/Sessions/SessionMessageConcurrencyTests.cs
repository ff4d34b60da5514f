using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionMessageRequests;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

public sealed class SessionMessageConcurrencyTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Twenty_parallel_appenders_to_one_session_get_dense_seqs_without_a_gap_or_a_duplicate()
    {
        const int appenders = 20, perAppender = 5;
        await Client.CreateSessionAsync("busy");

        var answered = await Task.WhenAll(Enumerable.Range(0, appenders).Select(async a =>
        {
            var seqs = new List<long>();
            for (var i = 0; i < perAppender; i++)
            {
                // Every other request is a batch of two, so ranges of different sizes interleave.
                var response = i % 2 == 0
                    ? await Client.PostMessageAsync("busy", new { role = "user", content = $"{a}-{i}" })
                    : await Client.PostBatchAsync("busy", new
                    {
                        messages = new[] { new { role = "user", content = $"{a}-{i}a" }, new { role = "user", content = $"{a}-{i}b" } },
                    });
                var json = await ExpectAsync(response, HttpStatusCode.Created);
                seqs.AddRange(json.TryGetProperty("items", out _) ? json.Seqs() : [json.Seq()]);
            }

            return seqs;
        }));

        var total = appenders * (perAppender + perAppender / 2);
        var expected = Enumerable.Range(1, total).Select(s => (long)s).ToArray();
        Assert.Equal(expected, answered.SelectMany(s => s).Order());
        var stored = await Client.GetJsonAsync($"{Messages("busy")}?limit=1000");
        Assert.Equal(expected, stored.Seqs());
        Assert.Equal(total, (await Client.GetJsonAsync($"{Route}/busy")).GetProperty("message_count").GetInt32());
        // A batch's seqs are consecutive: nobody else's message lands inside it.
        foreach (var batch in stored.GetProperty("items").EnumerateArray().Where(m => m.GetProperty("content").GetString()!.EndsWith('a')))
        {
            var content = batch.GetProperty("content").GetString()!;
            var partner = stored.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("content").GetString() == content[..^1] + "b");
            Assert.Equal(batch.Seq() + 1, partner.Seq());
        }
    }
}
