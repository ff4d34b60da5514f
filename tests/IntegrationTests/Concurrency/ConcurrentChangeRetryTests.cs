using System.Net;
using System.Text.Json;
using Npgsql;
using NakamuraMisaki.IntegrationTests.Handoffs;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Concurrency;

/// <summary>
/// The race, timed for real: another transaction changes the task and holds its row lock; the request reads the row
/// (a plain read does not wait), then its UPDATE, guarded by the version it read, waits for the lock. When the other
/// transaction commits, PostgreSQL finds the row at a new version and updates nothing: the request lost the race.
/// </summary>
public sealed class ConcurrentChangeRetryTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_PATCH_without_If_Match_that_loses_the_race_is_applied_to_the_row_as_it_is_now()
    {
        var task = await Client.CreateTaskAsync(description: "first words");
        var uri = $"{TaskRequests.Route}/{task.Id()}";

        var response = await RaceAsync(task.Id(), "UPDATE tasks SET description = 'changed meanwhile' WHERE id = $1",
            () => Client.SendAsync(HttpMethod.Patch, uri, json: new { title = "renamed" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await Client.GetOkJsonAsync(uri);
        Assert.Equal("renamed", stored.GetProperty("title").GetString());
        Assert.Equal("changed meanwhile", stored.GetProperty("description").GetString());
    }

    [Fact]
    public async Task With_If_Match_the_lost_race_is_a_412_and_the_other_change_stands()
    {
        var task = await Client.CreateTaskAsync(description: "first words");
        var uri = $"{TaskRequests.Route}/{task.Id()}";
        var etag = await Client.ETagOfAsync(uri);

        var response = await RaceAsync(task.Id(), "UPDATE tasks SET description = 'changed meanwhile' WHERE id = $1",
            () => Client.SendAsync(HttpMethod.Patch, uri, etag, new { title = "renamed" }));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var stored = await Client.GetOkJsonAsync(uri);
        Assert.Equal("資料を作る", stored.GetProperty("title").GetString());
        Assert.Equal("changed meanwhile", stored.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_transition_that_loses_the_race_is_judged_on_the_row_as_it_is_now()
    {
        var task = await Client.CreateTaskAsync();

        var response = await RaceAsync(task.Id(), "UPDATE tasks SET status = 'completed', completed_at = now() WHERE id = $1",
            () => Client.TransitionAsync(task, "cancel"));

        // Read again, the task is completed, and a completed task cannot be cancelled: the rule's 409, not a race's.
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("completed", await response.Content.ReadAsStringAsync());
        Assert.Equal("completed", (await Client.GetOkJsonAsync($"{TaskRequests.Route}/{task.Id()}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_hand_off_transition_that_loses_the_race_is_retried_on_the_row_as_it_is_now()
    {
        var handoff = await Client.CreateHandoffAsync();

        var response = await RaceAsync(handoff.Id(), "UPDATE handoffs SET accepted_at = now() WHERE id = $1",
            () => Client.HandoffTransitionAsync(handoff, "complete"), table: "handoffs");

        // Every versioned command retries (ConcurrentChangeRetryBehaviour): completing an accepted hand-off is allowed.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await Client.GetOkJsonAsync(handoff.HandoffUri(), actingUser: handoff.Recipient());
        Assert.Equal("completed", stored.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, stored.GetProperty("accepted_at").ValueKind);
    }

    /// <summary>Changes the row in a transaction of its own, sends the request, lets it block, then commits.</summary>
    private async Task<HttpResponseMessage> RaceAsync(
        string id, string sql, Func<Task<HttpResponseMessage>> send, string table = "tasks")
    {
        await using var other = new NpgsqlConnection(Factory.Database.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var change = new NpgsqlCommand(sql, other, transaction))
        {
            change.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.Parse(id) });
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        }

        var request = send();
        await WaitForAnUpdateBlockedOnTheRowAsync(request, table);
        await transaction.CommitAsync();
        return await request;
    }

    // From a connection of its own: inside the other transaction pg_stat_activity would be one snapshot, never fresh.
    private async Task WaitForAnUpdateBlockedOnTheRowAsync(Task request, string table)
    {
        await using var watcher = new NpgsqlConnection(Factory.Database.ConnectionString);
        await watcher.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE {table}%'", watcher);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.False(request.IsCompleted, "The request finished without waiting for the row lock.");
            Assert.True(DateTime.UtcNow < deadline, "The request's UPDATE never waited for the row lock.");
            await Task.Delay(20);
        }
    }
}
