using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using Npgsql;
using Xunit.Abstractions;

namespace NakamuraMisaki.IntegrationTests.Replication;

/// <summary>
/// The service on a two-host connection string (primary + synchronous streaming standby) while the primary dies and the
/// standby is promoted, as an operator or Patroni would. Against TEST_DATABASE_URL (a server the test does not
/// control) it returns early.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PrimaryFailoverTests(ITestOutputHelper output)
{
    private sealed record Answer(HttpStatusCode Status, TimeSpan At, bool HasRetryAfter);

    [Fact]
    public async Task Writes_answer_503_without_a_primary_then_2xx_after_promotion_and_no_acknowledged_write_is_lost()
    {
        var database = await TestDatabase.StartAsync();
        if (database.Cluster is null)
        {
            return;
        }

        await using var standby = StreamingStandby.Of(database.ConnectionString);
        var factory = ApiFactory.Separate(database, new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(database.ConnectionString)
            {
                Host = $"127.0.0.1:{database.Cluster.Port},127.0.0.1:{standby.Port}",
                TargetSessionAttributes = "primary",
            }.ConnectionString,
            // Every failed attempt becomes an answer the test sees: with retries a short gap is bridged unseen.
            ["Database:MaxRetryCount"] = "0",
        });
        try
        {
            await standby.StartAsync();
            await standby.MakeSynchronousAsync();
            await ((IAsyncLifetime)factory).InitializeAsync();
            using var client = factory.CreateClient();
            var clock = Stopwatch.StartNew();
            var answers = new ConcurrentQueue<Answer>();
            var acknowledged = new ConcurrentBag<Guid>();
            using var stop = new CancellationTokenSource();

            async Task WriteUntilStoppedAsync(int worker)
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    using var response = await client.PostAsJsonAsync(TaskRequests.Route, new
                    {
                        title = $"w{worker}-{i}", assignee_user_id = TaskRequests.Alice,
                    });
                    answers.Enqueue(new Answer(response.StatusCode, clock.Elapsed, response.Headers.RetryAfter is not null));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
                    }
                    else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        await Task.Delay(50); // a client honouring Retry-After would wait longer; this keeps pressure on
                    }
                }
            }

            var writers = Enumerable.Range(0, 4).Select(WriteUntilStoppedAsync).ToArray();
            await Task.Delay(1500);
            await database.Cluster.KillAsync();
            var killedAt = clock.Elapsed;
            await Task.Delay(1000);

            using var anonymous = factory.CreateAnonymousClient();
            var readiness = await anonymous.GetAsync("/health/ready");
            var readinessBody = await readiness.Content.ReadAsStringAsync();

            await standby.PromoteAsync();
            var promotedAt = clock.Elapsed;
            var deadline = promotedAt + TimeSpan.FromSeconds(15);
            while (!answers.Any(a => a.At > promotedAt && a.Status == HttpStatusCode.Created) && clock.Elapsed < deadline)
            {
                await Task.Delay(100);
            }

            var recoveredAt = answers.Where(a => a.At > promotedAt && a.Status == HttpStatusCode.Created)
                .Select(a => a.At).DefaultIfEmpty(TimeSpan.MaxValue).Min();
            await Task.Delay(1000);
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            output.WriteLine($"answers: {string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{(int)g.Key} x{g.Count()}"))}; " +
                             $"first 201 {(recoveredAt - promotedAt).TotalSeconds:F1} s after the promotion; readiness during the gap: {readinessBody}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
            Assert.Contains("no primary", readinessBody, StringComparison.OrdinalIgnoreCase);
            var unexpected = answers.Where(a => a.Status is not (HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable)).ToArray();
            Assert.True(unexpected.Length == 0, "unexpected answers: " + string.Join(", ", unexpected.Select(a => (int)a.Status).Distinct()));
            Assert.Contains(answers, a => a.At > killedAt && a.Status == HttpStatusCode.ServiceUnavailable);
            Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a => Assert.True(a.HasRetryAfter));
            Assert.True(recoveredAt - promotedAt < TimeSpan.FromSeconds(5),
                $"writes did not succeed within 5 s of the promotion (first 201 after {(recoveredAt - promotedAt).TotalSeconds:F1} s)");
            await factory.WaitUntilReadyAsync(TimeSpan.FromSeconds(10));

            await using var connection = new NpgsqlConnection(standby.ConnectionString + ";Pooling=false");
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM tasks WHERE id = ANY($1)", connection)
            {
                Parameters = { new() { Value = acknowledged.ToArray() } },
            };
            output.WriteLine($"acknowledged writes: {acknowledged.Count}");
            Assert.Equal(acknowledged.Count, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }
}
