using System.Net;
using Microsoft.AspNetCore.Hosting;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Security;

public sealed class RequestLimitTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_key_over_its_rate_limit_gets_429_with_retry_after()
    {
        using var limited = Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimiting:PermitsPerSecond", "1");
            b.UseSetting("RateLimiting:Burst", "2");
        });
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 10; i++)
        {
            var response = await client.GetAsync($"{TaskRequests.Route}/{Guid.NewGuid()}");
            statuses.Add(response.StatusCode);
            rejected ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Contains(HttpStatusCode.NotFound, statuses);
        Assert.NotNull(rejected);
        await AssertProblemAsync(rejected, HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(rejected.Headers.GetValues("Retry-After").Single()) >= 1);
        // Probes send no key, so they are never limited with a client's traffic.
        using var probe = limited.Server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_answers_413_and_stores_nothing()
    {
        var huge = new string('あ', 400_000); // 1.2 MB of UTF-8, over the 1 MiB default
        var response = await Client.PostAsync(TaskRequests.Route, TaskRequests.Json(
            $$"""{"title":"t","description":"{{huge}}","assignee_user_id":"U0ALICE01"}"""));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await Client.GetOkJsonAsync($"{TaskRequests.Route}?assignee=U0ALICE01")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_limit_is_a_400_not_a_crash()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        await AssertValidationProblemAsync(await Client.PostAsync(TaskRequests.Route, TaskRequests.Json(deep)), "a");
    }
}
