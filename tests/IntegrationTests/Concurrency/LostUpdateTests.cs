using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Api.ErrorHandling;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.IntegrationTests.AgentTasks;
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

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
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

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
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

    [Theory]
    [InlineData(null, HttpStatusCode.Conflict, false)]
    [InlineData("\"42\"", HttpStatusCode.PreconditionFailed, false)]
    [InlineData(null, HttpStatusCode.Conflict, true)]
    [InlineData("\"42\"", HttpStatusCode.PreconditionFailed, true)]
    public async Task A_write_that_loses_the_race_answers_409_or_412_with_If_Match(
        string? ifMatch, HttpStatusCode expected, bool asTheApplicationReportsIt)
    {
        // The one mapping of the race's exception, driven directly (ConcurrentChangeRetryTests times the race itself).
        using var scope = Factory.Services.CreateScope();
        var handler = ActivatorUtilities.CreateInstance<ProblemDetailsExceptionHandler>(scope.ServiceProvider);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }

        var lost = new DbUpdateConcurrencyException("0 rows affected");
        Assert.True(await ((IExceptionHandler)handler).TryHandleAsync(
            context, asTheApplicationReportsIt ? new ConcurrentChangeException("Task", 1, lost) : lost, CancellationToken.None));

        Assert.Equal((int)expected, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Equal((int)expected, JsonDocument.Parse(context.Response.Body).RootElement.GetProperty("status").GetInt32());
    }
}
