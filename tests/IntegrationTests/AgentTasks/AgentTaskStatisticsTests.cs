using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.AgentTasks.AgentTaskRequests;

namespace NakamuraMisaki.IntegrationTests.AgentTasks;

public sealed class AgentTaskStatisticsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Statistics_are_added_to_the_counters_never_overwriting_them()
    {
        var run = await Client.RegisterNewAsync();

        var first = await Client.AddStatisticsAsync(run.Uuid(), new { llm_calls = 2, tool_calls = 5, tokens = 1200, compressions = 1 });
        var second = await Client.AddStatisticsAsync(run.Uuid(), new { llm_calls = 1, tokens = 300 });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        var stored = await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}");
        Assert.Equal(3, stored.GetProperty("llm_call_count").GetInt64());
        Assert.Equal(5, stored.GetProperty("tool_call_count").GetInt64());
        Assert.Equal(1500, stored.GetProperty("total_tokens").GetInt64());
        Assert.Equal(1, stored.GetProperty("compression_count").GetInt64());
    }

    [Fact]
    public async Task Fifty_parallel_reports_all_count()
    {
        var run = await Client.RegisterNewAsync();
        var other = await Client.RegisterNewAsync();

        // Distinct amounts per request: a lost increment changes the sum, whichever request loses.
        var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            Client.AddStatisticsAsync(run.Uuid(), new { llm_calls = 1, tool_calls = i, tokens = 1000 + i, compressions = i % 2 })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var stored = await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}");
        Assert.Equal(50, stored.GetProperty("llm_call_count").GetInt64());
        Assert.Equal(Enumerable.Range(1, 50).Sum(), stored.GetProperty("tool_call_count").GetInt64());
        Assert.Equal(Enumerable.Range(1, 50).Sum(i => 1000 + i), stored.GetProperty("total_tokens").GetInt64());
        Assert.Equal(25, stored.GetProperty("compression_count").GetInt64());
        Assert.Equal(0, (await Client.GetOkJsonAsync($"{Route}/{other.Uuid()}")).GetProperty("llm_call_count").GetInt64());
    }

    [Fact]
    public async Task A_report_after_the_run_ended_still_counts()
    {
        var run = await Client.RegisterNewAsync();
        await Client.EndAsync(run, "complete");

        Assert.Equal(HttpStatusCode.NoContent, (await Client.AddStatisticsAsync(run.Uuid(), new { tokens = 42 })).StatusCode);

        Assert.Equal(42, (await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}")).GetProperty("total_tokens").GetInt64());
    }

    [Theory]
    [InlineData("""{"llm_calls":-1}""", "llm_calls")]
    [InlineData("""{"tool_calls":-5}""", "tool_calls")]
    [InlineData("""{"tokens":-100}""", "tokens")]
    [InlineData("""{"compressions":-1}""", "compressions")]
    [InlineData("""{"tokens":1000000000001}""", "tokens")]
    [InlineData("""{"tokens":"many"}""", "tokens")]
    [InlineData("""{"tokens":1.5}""", "tokens")]
    [InlineData("""{"total_tokens":5}""", "total_tokens")]
    [InlineData("[]", "body")]
    public async Task Bad_amounts_answer_400_naming_the_field_and_add_nothing(string body, string field)
    {
        var run = await Client.RegisterNewAsync();
        await Client.AddStatisticsAsync(run.Uuid(), new { llm_calls = 1, tool_calls = 1, tokens = 1, compressions = 1 });

        await AssertValidationProblemAsync(
            await Client.PostAsync($"{Route}/{run.Uuid()}/statistics", TaskRequests.Json(body)), field);

        var stored = await Client.GetOkJsonAsync($"{Route}/{run.Uuid()}");
        foreach (var counter in new[] { "llm_call_count", "tool_call_count", "total_tokens", "compression_count" })
        {
            Assert.Equal(1, stored.GetProperty(counter).GetInt64());
        }
    }
}
