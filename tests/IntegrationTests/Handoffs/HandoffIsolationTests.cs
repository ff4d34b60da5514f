using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Handoffs.HandoffRequests;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

/// <summary>A hand-off exists for its sender and its recipient only; every request names its acting user.</summary>
public sealed class HandoffIsolationTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string?, string, string> MissingOrMalformedActingUsers() => MalformedActingUsers.Against(
        ("POST", ""), ("GET", "/pending"), ("GET", "/pending?recipient=U0BOB0002"), ("GET", "/sent"),
        ("GET", "/sent?sender=U0ALICE01"), ("GET", "/{id}"), ("DELETE", "/{id}"), ("POST", "/{id}/accept"),
        ("POST", "/{id}/complete"));

    [Theory]
    [MemberData(nameof(MissingOrMalformedActingUsers))]
    public async Task Every_endpoint_needs_a_valid_acting_user_header_and_changes_nothing_without_one(
        string? actingUser, string method, string path)
    {
        var handoff = await Client.CreateHandoffAsync(from: Alice, to: Bob);
        var before = (await Client.GetOkJsonAsync(handoff.HandoffUri())).GetRawText();
        var body = method == "POST" && path == "" ? new { to_user_id = Carol, progress_note = "p", next_steps = "n" } : null;

        await AssertValidationProblemAsync(
            await Factory.SendActingAsAsync(actingUser, method, Route + path.Replace("{id}", handoff.Id()), body), "X-Slack-User-Id");
        Assert.Equal(before, (await Client.GetOkJsonAsync(handoff.HandoffUri())).GetRawText());
        Assert.Equal(1, (await Client.GetOkJsonAsync($"{Route}/sent")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_sender_is_the_acting_user()
    {
        var handoff = await Client.CreateHandoffAsync(from: Carol, to: Bob);
        Assert.Equal(Carol, handoff.GetProperty("from_user_id").GetString());
        Assert.Equal(Carol, (await Client.GetOkJsonAsync(handoff.HandoffUri(), Carol)).GetProperty("from_user_id").GetString());
        Assert.Equal(1, (await Client.GetOkJsonAsync($"{Route}/sent", Carol)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_hand_off_exists_only_for_its_sender_and_its_recipient()
    {
        var handoff = await Client.CreateHandoffAsync(from: Alice, to: Bob, progressNote: "二人の引き継ぎ");

        foreach (var party in new[] { Alice, Bob })
        {
            Assert.Equal("二人の引き継ぎ", (await Client.GetOkJsonAsync(handoff.HandoffUri(), party)).GetProperty("progress_note").GetString());
            Assert.Equal(["二人の引き継ぎ"], (await Client.GetOkJsonAsync($"{Route}/pending?recipient={Bob}", party)).Notes());
            Assert.Equal(["二人の引き継ぎ"], (await Client.GetOkJsonAsync($"{Route}/sent?sender={Alice}", party)).Notes());
        }

        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, ""), (HttpMethod.Post, "/accept"), (HttpMethod.Post, "/complete"), (HttpMethod.Delete, ""),
                 })
        {
            await AssertProblemAsync(
                await Client.SendAsAsync(method, handoff.HandoffUri() + path, Carol), HttpStatusCode.NotFound);
        }

        foreach (var list in new[] { $"/pending?recipient={Bob}", $"/sent?sender={Alice}", "/pending", "/sent" })
        {
            var page = await Client.GetOkJsonAsync(Route + list, Carol);
            Assert.Empty(page.Notes());
            Assert.Equal(0, page.GetProperty("total").GetInt32());
        }

        var unchanged = await Client.GetOkJsonAsync(handoff.HandoffUri(), Bob);
        Assert.Equal("pending", unchanged.GetProperty("status").GetString());
        Assert.Equal(handoff.GetRawText(), unchanged.GetRawText());
    }

    [Fact]
    public async Task A_stranger_gets_the_same_404_as_for_an_id_that_does_not_exist()
    {
        var handoff = await Client.CreateHandoffAsync(from: Alice, to: Bob);
        var hidden = await ReadJsonAsync(await Client.SendAsAsync(HttpMethod.Get, handoff.HandoffUri(), Carol));
        var missing = await ReadJsonAsync(await Client.SendAsAsync(HttpMethod.Get, $"{Route}/{Guid.Empty}", Carol));

        Assert.Equal(missing.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        Assert.Equal(
            missing.GetProperty("detail").GetString()!.Replace(Guid.Empty.ToString(), "{id}"),
            hidden.GetProperty("detail").GetString()!.Replace(handoff.Id(), "{id}"));
    }

    [Fact]
    public async Task Someone_elses_lists_show_only_what_they_share_with_the_acting_user()
    {
        await Client.CreateHandoffAsync(from: Alice, to: Bob, progressNote: "alice-to-bob");
        await Client.CreateHandoffAsync(from: Carol, to: Bob, progressNote: "carol-to-bob");
        await Client.CreateHandoffAsync(from: Carol, to: Alice, progressNote: "carol-to-alice");

        Assert.Equal(["alice-to-bob"], (await Client.GetOkJsonAsync($"{Route}/pending?recipient={Bob}", Alice)).Notes());
        Assert.Equal(2, (await Client.GetOkJsonAsync($"{Route}/pending", Bob)).GetProperty("total").GetInt32());

        Assert.Equal(["carol-to-alice"], (await Client.GetOkJsonAsync($"{Route}/sent?sender={Carol}", Alice)).Notes());
        Assert.Equal(["carol-to-bob"], (await Client.GetOkJsonAsync($"{Route}/sent?sender={Carol}", Bob)).Notes());
        Assert.Equal(2, (await Client.GetOkJsonAsync($"{Route}/sent", Carol)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_OpenAPI_document_shows_the_acting_user_header_on_every_hand_off_operation_and_no_sender_in_the_body()
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith(Route, StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToArray();
        Assert.Equal(7, operations.Length);
        foreach (var (path, method, operation) in operations)
        {
            Assert.True(
                operation.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "X-Slack-User-Id"
                                                        && p.GetProperty("in").GetString() == "header"),
                $"{method} {path} does not document X-Slack-User-Id");
        }

        var create = operations.Single(o => o is { Path: Route, Method: "post" }).Operation;
        var schema = Hostile.OpenApiOperation.Resolve(
            document, create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("to_user_id", properties);
        Assert.DoesNotContain("from_user_id", properties);
    }
}
