using System.Net;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Idempotency.Commands.DeleteExpiredIdempotencyKeys;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Idempotency;

/// <summary>Safe retries of creates (issue #17): docs/api.md "Safe retries: Idempotency-Key".</summary>
public sealed class IdempotencyKeyTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Tasks = "/api/v1/tasks";

    public static TheoryData<string> CreatePaths() => new(IdempotencyRequests.Creates.Select(c => c.Path));

    [Theory]
    [MemberData(nameof(CreatePaths))]
    public async Task A_retried_create_answers_the_original_status_body_location_and_etag_and_creates_nothing(string path)
    {
        var (_, table, body) = IdempotencyRequests.Creates.Single(c => c.Path == path);

        var first = await Client.PostWithKeyAsync(path, body, "retry-1");
        var retry = await Client.PostWithKeyAsync(path, body, "retry-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, await Factory.Database.CountAsync(table));
    }

    [Fact]
    public async Task Without_a_key_a_retry_creates_again()
    {
        await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, key: null);
        await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, key: null);

        Assert.Equal(2, await Factory.Database.CountAsync("tasks"));
        Assert.Equal(0, await Factory.Database.CountAsync("idempotency_keys"));
    }

    [Fact]
    public async Task Ten_parallel_requests_with_one_key_create_exactly_one_row_and_all_answer_it()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "parallel-1")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Single((await Task.WhenAll(responses.Select(async r => (await ReadJsonAsync(r)).GetProperty("id").GetGuid())))
            .Distinct());
        Assert.Equal(1, await Factory.Database.CountAsync("tasks"));
        Assert.Equal(9, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_answers_422_and_creates_nothing()
    {
        await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "reused-1");

        var other = await Client.PostWithKeyAsync(
            Tasks, """{"title":"Something else","assignee_user_id":"U0ALICE01"}""", "reused-1");

        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("reused-1", (await ReadJsonAsync(other)).GetProperty("detail").GetString());
        Assert.Equal(1, await Factory.Database.CountAsync("tasks"));
    }

    [Fact]
    public async Task The_same_key_on_another_create_endpoint_answers_422()
    {
        await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "reused-2");

        var other = await Client.PostWithKeyAsync("/api/v1/notes", """{"content":"x"}""", "reused-2");

        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await Factory.Database.CountAsync("notes"));
    }

    [Fact]
    public async Task Another_acting_user_with_the_same_key_gets_a_key_of_its_own()
    {
        var alice = await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "shared-1");
        var bob = await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "shared-1", actingUser: "U0BOB0002");

        Assert.Equal(HttpStatusCode.Created, bob.StatusCode);
        Assert.NotEqual(alice.Headers.Location, bob.Headers.Location);
        Assert.False(bob.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await Factory.Database.CountAsync("tasks"));
    }

    [Fact]
    public async Task Another_api_client_with_the_same_key_gets_a_key_of_its_own()
    {
        using var otherClient = Factory.CreateClient();
        otherClient.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.OtherApiKey);

        var first = await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "shared-2");
        var other = await otherClient.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "shared-2");

        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.NotEqual(first.Headers.Location, other.Headers.Location);
        Assert.Equal(2, await Factory.Database.CountAsync("tasks"));
    }

    [Fact]
    public async Task A_refused_request_stores_nothing_and_its_corrected_retry_may_use_the_same_key()
    {
        var refused = await Client.PostWithKeyAsync(Tasks, """{"title":"","assignee_user_id":"U0ALICE01"}""", "fix-me");
        await AssertValidationProblemAsync(refused, "title");
        Assert.Equal(0, await Factory.Database.CountAsync("idempotency_keys"));

        var corrected = await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "fix-me");

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(1, await Factory.Database.CountAsync("tasks"));
    }

    [Fact]
    public async Task A_conflict_rolls_back_the_claim_with_the_create()
    {
        const string body = """{"session_id":"taken","title":"a"}""";
        await Client.PostWithKeyAsync("/api/v1/sessions", body, key: null);

        var conflict = await Client.PostWithKeyAsync("/api/v1/sessions", body, "conflict-1");

        await AssertProblemAsync(conflict, HttpStatusCode.Conflict);
        Assert.Equal(0, await Factory.Database.CountAsync("idempotency_keys"));
    }

    [Fact]
    public async Task Past_the_retention_window_the_clean_up_pass_frees_the_key()
    {
        var first = await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "expiring-1");
        Factory.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, (await RunCleanUpAsync()).Deleted);
        Assert.Equal(first.Headers.Location, (await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "expiring-1")).Headers.Location);

        Factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await RunCleanUpAsync()).Deleted);
        var after = await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "expiring-1");

        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.NotEqual(first.Headers.Location, after.Headers.Location);
        Assert.False(after.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await Factory.Database.CountAsync("tasks"));
    }

    [Fact]
    public async Task An_expired_key_not_yet_cleaned_up_is_free_all_the_same()
    {
        await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "expiring-2");
        Factory.Clock.Advance(TimeSpan.FromHours(25));

        var after = await Client.PostWithKeyAsync(
            Tasks, """{"title":"New work","assignee_user_id":"U0ALICE01"}""", "expiring-2");

        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(2, await Factory.Database.CountAsync("tasks"));
        Assert.Equal(1, await Factory.Database.CountAsync("idempotency_keys"));
    }

    [Fact]
    public async Task The_quoted_form_of_the_draft_names_the_same_key_as_the_bare_one()
    {
        var bare = await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "quoted-1");
        var quoted = await Client.PostWithKeyAsync(Tasks, IdempotencyRequests.TaskBody, "\"quoted-1\"");

        Assert.Equal(bare.Headers.Location, quoted.Headers.Location);
        Assert.Equal(1, await Factory.Database.CountAsync("tasks"));
    }

    private async Task<DeleteExpiredIdempotencyKeysResponse> RunCleanUpAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeleteExpiredIdempotencyKeys());
    }
}
