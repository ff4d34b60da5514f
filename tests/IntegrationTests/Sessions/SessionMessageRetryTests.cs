using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionMessageRequests;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

/// <summary>A retried append (same slack_ts, or same Idempotency-Key, ADR 0023) stores nothing twice.</summary>
public sealed class SessionMessageRetryTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_same_slack_ts_twice_stores_one_message_and_answers_it_again()
    {
        await Client.CreateSessionAsync("s-1");
        var message = new { role = "user", content = "こんにちは", slack_ts = "1718412345.000100" };

        var first = await ExpectAsync(await Client.PostMessageAsync("s-1", message), HttpStatusCode.Created);
        var retry = await ExpectAsync(await Client.PostMessageAsync("s-1", message), HttpStatusCode.OK);

        Assert.Equal(first.GetRawText(), retry.GetRawText());
        Assert.Equal(new[] { 1L }, (await Client.GetJsonAsync(Messages("s-1"))).Seqs());
        Assert.Equal(1, (await Client.GetJsonAsync($"{Route}/s-1")).GetProperty("message_count").GetInt32());
    }

    [Fact]
    public async Task A_batch_adds_only_the_messages_whose_slack_ts_the_session_lacks()
    {
        await Client.CreateSessionAsync("s-1");
        await Client.AppendAsync("s-1", "b", slackTs: "2.0");

        var batch = await ExpectAsync(await Client.PostBatchAsync("s-1", new
        {
            messages = new[]
            {
                new { role = "user", content = "a", slack_ts = "1.0" },
                new { role = "user", content = "b", slack_ts = "2.0" },
                new { role = "user", content = "c", slack_ts = "3.0" },
            },
        }), HttpStatusCode.Created);

        Assert.Equal([2L, 1L, 3L], batch.Seqs());
        Assert.Equal(["b", "a", "c"], (await Client.GetJsonAsync(Messages("s-1"))).Contents());
    }

    [Fact]
    public async Task The_same_slack_ts_may_be_stored_once_in_each_session()
    {
        await Client.CreateSessionAsync("s-1");
        await Client.CreateSessionAsync("s-2");

        await Client.AppendAsync("s-1", "x", slackTs: "1.0");
        await Client.AppendAsync("s-2", "x", slackTs: "1.0");
    }

    [Fact]
    public async Task A_retried_batch_with_the_same_idempotency_key_stores_once_and_replays_the_first_answer()
    {
        await Client.CreateSessionAsync("s-1");
        var body = new { messages = new[] { new { role = "user", content = "a" }, new { role = "assistant", content = "b" } } };

        var first = await Client.PostBatchAsync("s-1", body, idempotencyKey: "key-1");
        var retry = await Client.PostBatchAsync("s-1", body, idempotencyKey: "\"key-1\""); // the quoted form is the same key
        var other = await ExpectAsync(await Client.PostBatchAsync("s-1", body, idempotencyKey: "key-2"), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal([3L, 4L], other.Seqs());
        Assert.Equal(4, (await Client.GetJsonAsync($"{Route}/s-1")).GetProperty("message_count").GetInt32());
    }

    [Fact]
    public async Task Parallel_retries_of_one_idempotency_key_store_once()
    {
        await Client.CreateSessionAsync("s-1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Client.PostMessageAsync("s-1", new { role = "user", content = "once" }, idempotencyKey: "same")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers, a => !a.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(new[] { 1L }, (await Client.GetJsonAsync(Messages("s-1"))).Seqs());
    }

    [Fact]
    public async Task An_idempotency_key_belongs_to_the_client_and_user_not_to_the_session()
    {
        await Client.CreateSessionAsync("s-1");
        await Client.CreateSessionAsync("s-2");

        await ExpectAsync(await Client.PostMessageAsync("s-1", new { role = "user", content = "a" }, idempotencyKey: "k"), HttpStatusCode.Created);
        await AssertProblemAsync(
            await Client.PostMessageAsync("s-2", new { role = "user", content = "a" }, idempotencyKey: "k"),
            HttpStatusCode.UnprocessableEntity);
        using var other = Factory.CreateClient();
        other.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.OtherApiKey);
        await ExpectAsync(await other.PostMessageAsync("s-2", new { role = "user", content = "a" }, idempotencyKey: "k"), HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_another_message_is_422_and_stores_nothing()
    {
        await Client.CreateSessionAsync("s-1");
        await ExpectAsync(await Client.PostMessageAsync("s-1", new { role = "user", content = "a" }, idempotencyKey: "k"), HttpStatusCode.Created);

        await AssertProblemAsync(
            await Client.PostMessageAsync("s-1", new { role = "user", content = "different" }, idempotencyKey: "k"),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["a"], (await Client.GetJsonAsync(Messages("s-1"))).Contents());
    }
}
