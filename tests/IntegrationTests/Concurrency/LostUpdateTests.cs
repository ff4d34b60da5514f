using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Api.ErrorHandling;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.IntegrationTests.AgentTasks;
using NakamuraMisaki.IntegrationTests.Handoffs;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Concurrency;

/// <summary>Without If-Match the last writer wins, but never by overwriting a change it did not see.</summary>
public sealed class LostUpdateTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Saving_a_task_read_before_another_save_fails_instead_of_overwriting_it()
    {
        var id = Guid.Parse((await Client.CreateTaskAsync()).Id());
        using var first = Factory.Services.CreateScope();
        using var second = Factory.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var firstCopy = await firstDb.Tasks.SingleAsync(t => t.Id == id);
        var secondCopy = await secondDb.Tasks.SingleAsync(t => t.Id == id);

        firstCopy.Complete(ApiFactory.Epoch);
        await firstDb.SaveChangesAsync();
        secondCopy.Cancel(ApiFactory.Epoch);

        await Assert.ThrowsAsync<ConcurrentChangeException>(() => secondDb.SaveChangesAsync());
        Assert.Equal("completed", (await Client.GetOkJsonAsync($"{TaskRequests.Route}/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Saving_an_agent_task_read_before_another_save_fails_instead_of_overwriting_it()
    {
        var uuid = Guid.Parse((await Client.RegisterNewAsync()).Uuid());
        using var first = Factory.Services.CreateScope();
        using var second = Factory.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var firstCopy = await firstDb.AgentTasks.SingleAsync(t => t.Uuid == uuid);
        var secondCopy = await secondDb.AgentTasks.SingleAsync(t => t.Uuid == uuid);

        firstCopy.Fail("disk full", ApiFactory.Epoch);
        await firstDb.SaveChangesAsync();
        secondCopy.Complete(ApiFactory.Epoch);

        await Assert.ThrowsAsync<ConcurrentChangeException>(() => secondDb.SaveChangesAsync());
        var stored = await Client.GetOkJsonAsync($"{AgentTaskRequests.Route}/{uuid}");
        Assert.Equal("failed", stored.Status());
        Assert.Equal("disk full", stored.GetProperty("error_message").GetString());
    }

    [Fact]
    public async Task Of_parallel_transitions_of_one_task_exactly_one_succeeds()
    {
        var task = await Client.CreateTaskAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => Client.TransitionAsync(task, i % 2 == 0 ? "complete" : "cancel")));

        var winner = await ReadJsonAsync(Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var stored = await Client.GetOkJsonAsync($"{TaskRequests.Route}/{task.Id()}");
        Assert.Equal(winner.GetProperty("status").GetString(), stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Of_parallel_endings_of_one_run_exactly_one_succeeds()
    {
        var run = await Client.RegisterNewAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => Client.EndAsync(run, (i % 3) switch { 0 => "complete", 1 => "stop", _ => "fail" })));

        var winner = await ReadJsonAsync(Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var stored = await Client.GetOkJsonAsync($"{AgentTaskRequests.Route}/{run.Uuid()}");
        Assert.Equal(winner.Status(), stored.Status());
        Assert.Equal(winner.GetProperty("completed_at").GetDateTimeOffset(), stored.GetProperty("completed_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Of_parallel_transitions_of_one_hand_off_exactly_one_succeeds()
    {
        var handoff = await Client.CreateHandoffAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(_ => Client.HandoffTransitionAsync(handoff, "complete")));

        // The losers are retried on the row as it is now: completed, and completing it again breaks the rule (409).
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Theory]
    [InlineData(false, HttpStatusCode.Conflict)]
    [InlineData(true, HttpStatusCode.PreconditionFailed)]
    [InlineData(null, HttpStatusCode.ServiceUnavailable)]
    public async Task The_Application_exceptions_of_a_race_or_an_outage_answer_409_412_or_503(
        bool? staleIfMatch, HttpStatusCode expected)
    {
        // The one mapping, driven directly (ConcurrentChangeRetryTests times the race itself). It reads no header:
        // the pipeline has already turned a lost race under If-Match into StaleVersionException.
        using var scope = Factory.Services.CreateScope();
        var handler = ActivatorUtilities.CreateInstance<ProblemDetailsExceptionHandler>(scope.ServiceProvider);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();

        var lost = new InvalidOperationException("0 rows affected");
        Exception thrown = staleIfMatch switch
        {
            false => new ConcurrentChangeException("Task", 1, lost),
            true => new StaleVersionException("Task", 1, 42),
            null => new DatabaseUnavailableException(new TimeoutException()),
        };
        Assert.True(await ((IExceptionHandler)handler).TryHandleAsync(context, thrown, CancellationToken.None));

        Assert.Equal((int)expected, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Equal((int)expected, JsonDocument.Parse(context.Response.Body).RootElement.GetProperty("status").GetInt32());
    }
}
