using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Handoffs.HandoffRequests;

namespace NakamuraMisaki.IntegrationTests.Concurrency;

/// <summary>
/// ETag / If-Match on hand-offs. The hand-offs here go from Bob to Alice, so the client's default acting user (Alice)
/// is the recipient and may accept, complete and delete them.
/// </summary>
public sealed class HandoffETagTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<(string Uri, string ETag)> CreateAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = JsonContent.Create(new { to_user_id = Alice, progress_note = "集計は終わった", next_steps = "グラフを作る" }),
        }.ActAs(Bob);
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (response.Headers.Location!.OriginalString, response.ETag());
    }

    /// <summary>What the reminder job does before it sends: it leases the row. A real write, invisible in the body.</summary>
    private async Task ClaimRemindersAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<IHandoffReminderQueue>();
        var now = Factory.Clock.GetUtcNow();
        Assert.NotEmpty(await queue.ClaimAsync(now, now.AddMinutes(10), now.AddMinutes(2), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Every_write_answers_a_new_ETag_that_GET_then_reports_to_both_parties()
    {
        var (uri, created) = await CreateAsync();
        Assert.Equal(created, await Client.ETagOfAsync(uri));
        Assert.Equal(created, (await Client.SendAsAsync(HttpMethod.Get, uri, Bob)).ETag());

        var accepted = (await Client.SendAsync(HttpMethod.Post, $"{uri}/accept")).ETag();
        Assert.NotEqual(created, accepted);
        Assert.Equal(accepted, await Client.ETagOfAsync(uri));

        var completed = (await Client.SendAsync(HttpMethod.Post, $"{uri}/complete")).ETag();
        Assert.DoesNotContain(completed, new[] { created, accepted });
        Assert.Equal(completed, await Client.ETagOfAsync(uri));
    }

    [Theory]
    [InlineData("/pending")]
    [InlineData("/sent?sender=U0BOB0002")]
    public async Task Lists_carry_no_ETag(string list)
    {
        await CreateAsync();
        var response = await Client.GetAsync(Route + list);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await ReadJsonAsync(response)).GetProperty("total").GetInt32());
        Assert.False(response.Headers.Contains("ETag"));
    }

    [Fact]
    public async Task A_matching_If_Match_is_accepted_and_answers_the_next_ETag()
    {
        var (uri, etag) = await CreateAsync();

        var accepted = await Client.SendAsync(HttpMethod.Post, $"{uri}/accept", etag);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var completed = await Client.SendAsync(HttpMethod.Post, $"{uri}/complete", accepted.ETag());
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("completed", (await Client.GetOkJsonAsync(uri)).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(HttpMethod.Delete, uri, completed.ETag())).StatusCode);
        await AssertProblemAsync(await Client.GetAsync(uri), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task If_Match_star_accepts_any_version()
    {
        var (uri, _) = await CreateAsync();
        await ClaimRemindersAsync();

        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Post, $"{uri}/accept", "*")).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/accept")]
    [InlineData("POST", "/complete")]
    [InlineData("DELETE", "")]
    public async Task A_stale_If_Match_answers_412_and_changes_nothing(string method, string suffix)
    {
        var (uri, stale) = await CreateAsync();
        await ClaimRemindersAsync();
        var before = await Client.GetAsync(uri);
        Assert.NotEqual(stale, before.ETag());
        var beforeBody = await before.Content.ReadAsStringAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await Client.SendAsync(new HttpMethod(method), uri + suffix, stale);

        await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
        var after = await Client.GetAsync(uri);
        Assert.Equal(before.ETag(), after.ETag());
        Assert.Equal(beforeBody, await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_sender_completing_from_a_version_the_recipient_has_since_accepted_answers_412()
    {
        var (uri, seenBySender) = await CreateAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Post, $"{uri}/accept")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{uri}/complete").ActAs(Bob);
        request.Headers.TryAddWithoutValidation("If-Match", seenBySender);
        await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.PreconditionFailed);

        Assert.Equal("accepted", (await Client.GetOkJsonAsync(uri, Bob)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task If_Match_on_someone_elses_hand_off_answers_404_not_412()
    {
        var (uri, etag) = await CreateAsync();
        await ClaimRemindersAsync();

        foreach (var (method, suffix) in new[] { (HttpMethod.Post, "/accept"), (HttpMethod.Post, "/complete"), (HttpMethod.Delete, "") })
        {
            using var request = new HttpRequestMessage(method, uri + suffix).ActAs(Carol);
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData("12")]
    [InlineData("W/\"12\"")]
    [InlineData("\"12\", \"13\"")]
    public async Task A_malformed_If_Match_answers_400_naming_the_header_and_changes_nothing(string ifMatch)
    {
        var (uri, etag) = await CreateAsync();

        await AssertValidationProblemAsync(await Client.SendAsync(HttpMethod.Post, $"{uri}/accept", ifMatch), "if-match");
        await AssertValidationProblemAsync(await Client.SendAsync(HttpMethod.Delete, uri, ifMatch), "if-match");

        Assert.Equal(etag, await Client.ETagOfAsync(uri));
    }
}
