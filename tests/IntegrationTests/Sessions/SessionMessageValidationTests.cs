using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionMessageRequests;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

/// <summary>Bad input is a 400 naming the field, and nothing of the request is stored.</summary>
public sealed class SessionMessageValidationTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string TooLong = new('x', 262_145);

    public static TheoryData<string, string> BadMessages() => new()
    {
        { """{"role":"owner","content":"x"}""", "role" },
        { """{"content":"x"}""", "role" },
        { """{"role":"user","content":""}""", "content" },
        { """{"role":"user","content":"   "}""", "content" },
        { """{"role":"user"}""", "content" },
        { """{"role":"user","content":"a\u0000b"}""", "content" },
        { """{"role":"user","content":"lone \ud800 surrogate"}""", "content" },
        { """{"role":"user","content":"x","seq":7}""", "seq" },
        { """{"role":"user","content":"x","created_at":"2026-01-01T00:00:00Z"}""", "created_at" },
        { """{"role":"user","content":"x","metadata":[1]}""", "metadata" },
        { """{"role":"user","content":"x","metadata":{"k":"a\u0000b"}}""", "metadata.k" },
        { """{"role":"user","content":"x","metadata":{"k":["\udc00"]}}""", "metadata.k[0]" },
        { """{"role":"user","content":"x","slack_ts":"yesterday"}""", "slack_ts" },
        { $$"""{"role":"user","content":"{{TooLong}}"}""", "content" },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task A_bad_message_is_refused_naming_the_field(string body, string field)
    {
        await Client.CreateSessionAsync("s-1");

        await AssertValidationProblemAsync(await Client.PostMessageAsync("s-1", body), field);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task A_batch_with_one_bad_message_stores_none_of_them(string bad, string field)
    {
        await Client.CreateSessionAsync("s-1");
        var batch = $$"""{"messages":[{"role":"user","content":"fine"},{{bad}},{"role":"assistant","content":"also fine"}]}""";

        await AssertValidationProblemAsync(await Client.PostBatchAsync("s-1", batch), $"messages[1].{field}");
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_batch_of_more_than_1000_messages_is_refused()
    {
        await Client.CreateSessionAsync("s-1");
        var messages = Enumerable.Range(0, 1001).Select(i => new { role = "user", content = $"m{i}" });

        await AssertValidationProblemAsync(await Client.PostBatchAsync("s-1", new { messages }), "messages");
        await AssertNothingStoredAsync();
        await ExpectAsync(await Client.PostBatchAsync("s-1", new { messages = messages.Take(1000) }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_empty_batch_and_a_slack_ts_twice_in_one_batch_are_refused()
    {
        await Client.CreateSessionAsync("s-1");

        await AssertValidationProblemAsync(await Client.PostBatchAsync("s-1", """{"messages":[]}"""), "messages");
        await AssertValidationProblemAsync(await Client.PostBatchAsync("s-1", """
            {"messages":[{"role":"user","content":"a","slack_ts":"1.0"},{"role":"user","content":"b","slack_ts":"1.0"}]}
            """), "messages[1].slack_ts");
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_malformed_idempotency_key_is_refused()
    {
        await Client.CreateSessionAsync("s-1");

        await AssertValidationProblemAsync(
            await Client.PostMessageAsync("s-1", new { role = "user", content = "x" }, idempotencyKey: new string('k', 256)),
            "Idempotency-Key");
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("?last=0", "last")]
    [InlineData("?last=1001", "last")]
    [InlineData("?last=5&after_seq=3", "last")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?after_seq=-1", "after_seq")]
    [InlineData("?after_seq=abc", "after_seq")]
    public async Task Bad_list_parameters_are_refused_naming_them(string query, string field)
    {
        await Client.CreateSessionAsync("s-1");

        await AssertValidationProblemAsync(await Client.GetAsync(Messages("s-1") + query), field);
    }

    [Fact]
    public async Task A_search_needs_a_query()
    {
        await AssertValidationProblemAsync(await Client.GetAsync($"{Route}/messages/search?q=%20"), "q");
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Empty((await Client.GetJsonAsync(Messages("s-1"))).Seqs());
        Assert.Equal(0, (await Client.GetJsonAsync($"{Route}/s-1")).GetProperty("message_count").GetInt32());
    }
}
