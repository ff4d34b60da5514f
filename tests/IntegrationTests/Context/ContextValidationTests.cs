using System.Net;
using NakamuraMisaki.IntegrationTests.Sessions;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Context.ContextRequests;

namespace NakamuraMisaki.IntegrationTests.Context;

/// <summary>Every refusal of POST /api/v1/context names the field, as the rest of the API does.</summary>
public sealed class ContextValidationTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"query":"移行","budget_tokens":4000,"include":["note","memories"]}""", "include[1]" },
        { """{"query":"移行","budget_tokens":4000,"include":[]}""", "include" },
        { """{"query":"移行","budget_tokens":4000,"include":[null]}""", "include[0]" },
        { """{"query":"移行","budget_tokens":0}""", "budget_tokens" },
        { """{"query":"移行","budget_tokens":200001}""", "budget_tokens" },
        { """{"query":"移行","budget_tokens":-5}""", "budget_tokens" },
        { """{"query":"移行"}""", "budget_tokens" },
        { """{"query":"移行","budget_tokens":"many"}""", "budget_tokens" },
        { """{"query":"   ","budget_tokens":4000}""", "query" },
        { """{"query":"","budget_tokens":4000}""", "query" },
        { """{"budget_tokens":4000}""", "query" },
        { """{"query":"!!!","budget_tokens":4000}""", "query" },
        { $$"""{"query":"{{new string('移', 1_001)}}","budget_tokens":4000}""", "query" },
        { """{"query":"移行","budget_tokens":4000,"tokenizer":"gpt2"}""", "tokenizer" },
        { """{"query":"移行","budget_tokens":4000,"session_id":"has space"}""", "session_id" },
        { """{"query":"移行","budget_tokens":4000,"limits":{"notes":0}}""", "limits.notes" },
        { """{"query":"移行","budget_tokens":4000,"limits":{"recent_messages":101}}""", "limits.recent_messages" },
        { """{"query":"移行","budget_tokens":4000,"limits":{"tasks":1,"bogus":1}}""", "limits.bogus" },
        { """{"query":"移行","budget_tokens":4000,"time_zone":"Mars/Base"}""", "time_zone" },
        { """{"query":"移行","budget_tokens":4000,"user_id":"U0BOB0002"}""", "user_id" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_field_is_a_400_naming_it(string body, string field)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

        await AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task A_session_of_another_user_or_none_is_a_404_even_when_its_messages_are_not_wanted()
    {
        await Client.CreateSessionAsync("bobs", user: Bob);

        foreach (var include in new[] { null, new[] { "note" } })
        {
            foreach (var session in new[] { "bobs", "nobodys" })
            {
                await AssertProblemAsync(await Client.PostContextAsync(
                    new { query = "移行", session_id = session, budget_tokens = 100, include }), HttpStatusCode.NotFound);
            }
        }
    }

    [Fact]
    public async Task The_largest_budget_and_every_limit_at_its_bounds_are_accepted()
    {
        var context = await Client.ContextAsync(new
        {
            query = new string('移', 1_000), budget_tokens = 200_000, tokenizer = "cl100k_base",
            include = new[] { "message", "note", "past_message", "task", "handoff" },
            limits = new { recent_messages = 100, notes = 100, past_messages = 1, tasks = 1, handoffs = 100 },
            time_zone = "America/New_York",
        });

        Assert.Empty(context.Items());
        Assert.Equal(0, context.GetProperty("used_tokens").GetInt32());
        Assert.False(context.GetProperty("truncated").GetBoolean());
    }
}
