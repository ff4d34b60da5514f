using System.Net;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Observability;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Replication;

/// <summary>
/// ConnectionStrings:ReadOnly pointed at a streaming standby. Pausing the standby's replay makes the routing visible:
/// a list (stale-tolerant) stops seeing new writes, while a read that must see its own write (GET after create) does.
/// Against TEST_DATABASE_URL it returns early.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReadReplicaTests
{
    private const string LagMetric = "nakamura_misaki_database_replay_lag_bytes";

    [Fact]
    public async Task Lists_and_searches_are_served_by_the_standby_and_a_write_is_readable_right_after_it()
    {
        var database = await TestDatabase.StartAsync();
        if (database.Cluster is null)
        {
            return;
        }

        await using var standby = StreamingStandby.Of(database.ConnectionString);
        var factory = ApiFactory.Separate(database, new Dictionary<string, string>
        {
            // As in production: the standby first, the primary as a fallback should the standby be down.
            ["ConnectionStrings:ReadOnly"] = new NpgsqlConnectionStringBuilder(database.ConnectionString)
            {
                Host = $"127.0.0.1:{standby.Port},127.0.0.1:{database.Cluster.Port}",
                TargetSessionAttributes = "prefer-standby",
            }.ConnectionString,
        });
        try
        {
            await standby.StartAsync();
            await ((IAsyncLifetime)factory).InitializeAsync();
            using var client = factory.CreateClient();
            var list = $"{TaskRequests.Route}?assignee={TaskRequests.Alice}";

            await client.CreateTaskAsync("replicated");
            Assert.True(await EventuallyAsync(async () => (await TaskRequests.GetOkJsonAsync(client, list)).Titles().Contains("replicated")),
                "the list never showed the task: is the standby replaying?");

            await ExecuteAsync(standby.ConnectionString, "SELECT pg_wal_replay_pause()");
            var created = await client.CreateTaskAsync("written while the standby is paused");
            var readBack = await client.GetAsync($"{TaskRequests.Route}/{TaskRequests.Id(created)}");
            Assert.Equal(HttpStatusCode.OK, readBack.StatusCode); // read-your-write: the primary
            var note = await client.SaveNoteAsync("a note written while the standby is paused", sessionId: "s-paused");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{NoteRequests.Route}/{NoteRequests.Id(note)}")).StatusCode);
            await Task.Delay(500);
            Assert.DoesNotContain("written while the standby is paused", (await TaskRequests.GetOkJsonAsync(client, list)).Titles());
            Assert.Empty((await client.SearchAsync("written while the standby is paused")).Contents());
            Assert.Empty((await NoteRequests.GetOkJsonAsync(client, $"{NoteRequests.Route}/by-session/s-paused")).Contents());

            var ready = JsonDocument.Parse(await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync()).RootElement;
            var sources = ready.GetProperty("database").GetProperty("data_sources").EnumerateArray()
                .ToDictionary(s => s.GetProperty("name").GetString()!, s => s);
            Assert.Equal("primary", sources["default"].GetProperty("role").GetString());
            Assert.Equal("standby", sources["ReadOnly"].GetProperty("role").GetString());
            Assert.True(sources["ReadOnly"].GetProperty("replay_lag_bytes").GetInt64() > 0, ready.ToString());
            // The dashboard's replica lag panel charts what readiness read, per data source (ADR 0033).
            var metrics = new PrometheusScrape(await client.GetStringAsync("/metrics"));
            Assert.True(metrics.ValueOrZero(LagMetric, ("data_source", "ReadOnly")) > 0, "no replay lag for ReadOnly on /metrics");
            Assert.Single(metrics.Values(LagMetric, ("data_source", "default")));

            await ExecuteAsync(standby.ConnectionString, "SELECT pg_wal_replay_resume()");
            Assert.True(await EventuallyAsync(async () =>
                (await TaskRequests.GetOkJsonAsync(client, list)).Titles().Contains("written while the standby is paused")));
            Assert.Single((await client.SearchAsync("written while the standby is paused")).Contents());
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (await condition())
            {
                return true;
            }
        }

        return false;
    }
}
