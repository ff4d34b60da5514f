using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using Npgsql;
using Xunit.Abstractions;

namespace NakamuraMisaki.IntegrationTests.Faults;

/// <summary>
/// Each test runs its own host over its own throwaway cluster, which it stops and starts. Against TEST_DATABASE_URL
/// (a server these tests do not control) they return early.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DatabaseFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_service_started_before_its_database_is_503_then_ready_once_the_database_appears()
    {
        var database = await TestDatabase.StartAsync();
        if (database.Cluster is null)
        {
            return;
        }

        await database.Cluster.KillAsync();
        var factory = ApiFactory.Separate(database);
        try
        {
            using var client = factory.CreateClient(); // starts the host: no crash without a database

            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

            await database.Cluster.StartAgainAsync();
            await factory.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)); // migrations applied by the background retry

            await client.CreateTaskAsync("after the database came up");
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    [Fact]
    public async Task Writes_acknowledged_while_the_database_restarts_are_all_kept_and_nothing_answers_500()
    {
        var factory = ApiFactory.Separate(null);
        await ((IAsyncLifetime)factory).InitializeAsync();
        try
        {
            var cluster = factory.Database.Cluster;
            if (cluster is null)
            {
                return;
            }

            using var client = factory.CreateClient();
            var acknowledged = new ConcurrentBag<Guid>();
            var statuses = new ConcurrentBag<HttpStatusCode>();
            using var stop = new CancellationTokenSource();

            async Task WriteUntilStoppedAsync(int worker)
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var response = await client.PostAsJsonAsync(TaskRequests.Route, new
                    {
                        title = $"w{worker}-{i}", assignee_user_id = TaskRequests.Alice,
                    });
                    statuses.Add(response.StatusCode);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<IdOnly>())!.Id);
                    }
                }
            }

            var writers = Enumerable.Range(0, 4).Select(WriteUntilStoppedAsync).ToArray();
            await Task.Delay(1500);
            await cluster.KillAsync();
            await Task.Delay(2000);
            await cluster.StartAgainAsync();
            await Task.Delay(2500);
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            output.WriteLine($"answers during the restart: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key} x{g.Count()}"))}");
            // No 409: a create whose COMMIT answer was lost with the connection is verified, not inserted again (ADR 0022).
            var unexpected = statuses.Where(s => s is not (HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable)).ToArray();
            Assert.True(unexpected.Length == 0, "unexpected answers: " + string.Join(", ", unexpected.Distinct()));
            await client.CreateTaskAsync("after the restart"); // recovered without restarting the service

            // Unpooled: pooled connections of this test process died with the server.
            await using var connection = new NpgsqlConnection(factory.Database.ConnectionString + ";Pooling=false");
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM tasks WHERE id = ANY($1)", connection)
            {
                Parameters = { new() { Value = acknowledged.ToArray() } },
            };
            Assert.True(acknowledged.Count > 10, $"only {acknowledged.Count} writes were acknowledged");
            Assert.Equal(acknowledged.Count, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    [Fact]
    public async Task After_a_burst_idle_connections_return_to_the_minimum_and_shutdown_closes_the_pool()
    {
        var database = await TestDatabase.StartAsync();
        const string applicationName = "pool-test";
        var factory = ApiFactory.Separate(database, new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = database.ConnectionString + $";Application Name={applicationName}",
            ["Database:MinPoolSize"] = "2",
            ["Database:ConnectionIdleLifetimeSeconds"] = "2",
            ["Database:ConnectionPruningIntervalSeconds"] = "1",
        });
        await ((IAsyncLifetime)factory).InitializeAsync();
        try
        {
            using var client = factory.CreateClient();
            await Task.WhenAll(Enumerable.Range(0, 60).Select(_ =>
                client.GetAsync($"{TaskRequests.Route}/overdue?limit=100")));
            var afterBurst = await ConnectionsAsync(database, applicationName);
            Assert.True(afterBurst > 2, $"the burst should have opened more than the minimum; saw {afterBurst}");

            Assert.True(await WaitForAsync(() => ConnectionsAsync(database, applicationName), n => n == 2, TimeSpan.FromSeconds(20)),
                $"idle connections did not return to the minimum of 2 (now {await ConnectionsAsync(database, applicationName)})");

            await factory.DisposeAsync(); // stops the host: the data source closes its connections
            Assert.True(await WaitForAsync(() => ConnectionsAsync(database, applicationName), n => n == 0, TimeSpan.FromSeconds(10)),
                "connections left open after shutdown");
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    private static async Task<int> ConnectionsAsync(TestDatabase database, string applicationName)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", connection)
        {
            Parameters = { new() { Value = applicationName } },
        };
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> WaitForAsync(Func<Task<int>> read, Func<int, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (done(await read()))
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    private sealed record IdOnly(Guid Id);
}
