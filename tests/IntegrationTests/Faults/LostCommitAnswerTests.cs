using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.IntegrationTests.Idempotency;
using NakamuraMisaki.IntegrationTests.Sessions;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Faults;

/// <summary>
/// A write whose COMMIT reached the server but whose answer was lost with the connection (ADR 0022): EF Core's
/// retrying strategy must answer what the first attempt committed, not run the writes again (a create would hit its
/// own primary key: 409; an append without a key would be stored twice).
/// </summary>
public sealed class LostCommitAnswerTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_create_whose_commit_answer_was_lost_answers_201_once_and_is_stored_once()
    {
        await using var host = WithLostCommitAnswer(out var cut);
        using var client = host.CreateClient();

        cut.Arm("tasks");
        var response = await client.PostAsJsonAsync(TaskRequests.Route, new { title = "answer lost", assignee_user_id = TaskRequests.Alice });

        Assert.Equal(1, cut.Cuts);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await Factory.Database.CountAsync("tasks WHERE title = 'answer lost'"));
        var created = await response.Content.ReadFromJsonAsync<IdOnly>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{TaskRequests.Route}/{created!.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_keyed_create_whose_commit_answer_was_lost_answers_201_and_its_retry_replays_it()
    {
        await using var host = WithLostCommitAnswer(out var cut);
        using var client = host.CreateClient();

        cut.Arm("tasks");
        var first = await client.PostWithKeyAsync(TaskRequests.Route, IdempotencyRequests.TaskBody, "lost-1");
        var retry = await client.PostWithKeyAsync(TaskRequests.Route, IdempotencyRequests.TaskBody, "lost-1");

        Assert.Equal(1, cut.Cuts);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await Factory.Database.CountAsync("tasks"));
    }

    [Fact]
    public async Task An_append_without_any_key_whose_commit_answer_was_lost_is_stored_once()
    {
        await using var host = WithLostCommitAnswer(out var cut);
        using var client = host.CreateClient();
        await client.CreateSessionAsync("s-lost");

        cut.Arm("session_messages");
        var response = await client.PostMessageAsync("s-lost", new { role = "user", content = "一度だけ" });

        Assert.Equal(1, cut.Cuts);
        var stored = await SessionMessageRequests.ExpectAsync(response, HttpStatusCode.Created);
        Assert.Equal(1, stored.Seq());
        Assert.Equal(1, await Factory.Database.CountAsync("session_messages"));
        var session = await client.GetFromJsonAsync<SessionCounters>($"{SessionRequests.Route}/s-lost");
        Assert.Equal(1, session!.message_count);
    }

    private WebApplicationFactory<Program> WithLostCommitAnswer(out LostCommitAnswer cut)
    {
        var interceptor = cut = new LostCommitAnswer(Factory.Database.ConnectionString);
        return Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(interceptor))));
    }

    private sealed record IdOnly(Guid Id);

    // ReSharper disable once InconsistentNaming: the wire's name
    private sealed record SessionCounters(int message_count);
}
