using System.Net;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Observability;

/// <remarks>
/// Each test scrapes a host of its own. OpenTelemetry subscribes to meters by name, so the shared test host's
/// provider also hears the instruments of hosts that other tests start; when such a host is disposed its
/// instruments end, and the SDK drops the whole same-named stream (http.server.request.duration, …) with them.
/// A production process has one host, so this is a test-only effect.
/// </remarks>
public sealed class MetricsEndpointTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly (string, string) Pool = ("db_client_connection_pool_name", NpgsqlDataSourceFactory.ApplicationName);

    [Fact]
    public async Task After_a_request_metrics_show_its_duration_histogram_and_the_connection_pool()
    {
        using var host = Factory.WithWebHostBuilder(_ => { });
        using var client = host.CreateClient();
        var task = await client.CreateTaskAsync();
        await client.GetOkJsonAsync($"{TaskRequests.Route}/{task.Id()}");

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        (string, string)[] getTask = [("http_route", "/api/v1/tasks/{id}"), ("http_request_method", "GET"), ("http_response_status_code", "200")];
        // The server records a request's duration when it has finished with it, which may be just after the client has the answer.
        var metrics = await PollAsync(client, m => m.ValueOrZero("http_server_request_duration_seconds_count", getTask) >= 1);
        // Buckets are what p50/p95/p99 are computed from (histogram_quantile); the first one is 1 ms.
        Assert.Single(metrics.Values("http_server_request_duration_seconds_bucket", [.. getTask, ("le", "0.001")]));
        Assert.True(metrics.ValueOrZero("http_server_request_duration_seconds_bucket", [.. getTask, ("le", "+Inf")]) >= 1);

        Assert.True(metrics.ValueOrZero("db_client_connection_count", Pool, ("db_client_connection_state", "idle")) >= 1);
        Assert.Single(metrics.Values("db_client_connection_count", Pool, ("db_client_connection_state", "used")));
        Assert.Equal(100, metrics.ValueOrZero("db_client_connection_max", Pool));
        Assert.True(metrics.ValueOrZero("db_client_operation_duration_seconds_count", Pool) >= 2);
    }

    [Fact]
    public async Task Problem_responses_are_counted_by_status()
    {
        using var host = Factory.WithWebHostBuilder(_ => { });
        using var client = host.CreateClient();
        (string, string) notFound = ("http_response_status_code", "404");
        var before = await ScrapeAsync(client);

        var response = await client.GetAsync($"{TaskRequests.Route}/{Guid.NewGuid()}");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        var after = await ScrapeAsync(client);
        Assert.Equal(1, after.ValueOrZero("nakamura_misaki_http_problem_responses_total", notFound)
                        - before.ValueOrZero("nakamura_misaki_http_problem_responses_total", notFound));
    }

    [Fact]
    public async Task A_request_waiting_for_a_pooled_connection_shows_as_pending()
    {
        // Its own pool name: the shared test host's pool reports into the same process-wide Npgsql meter.
        const string name = "NakamuraMisaki-one-connection";
        (string, string) pool = ("db_client_connection_pool_name", name);
        using var onePool = Factory.WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:Default", Factory.Database.ConnectionString + $";Application Name={name}")
            .UseSetting("Database:MaxPoolSize", "1"));
        using var client = onePool.CreateClient();
        var task = await client.CreateTaskAsync();
        var dataSource = onePool.Services.GetRequiredService<NpgsqlDataSource>();

        Task<HttpResponseMessage> waiting;
        await using (await dataSource.OpenConnectionAsync()) // takes the only connection
        {
            waiting = client.GetAsync($"{TaskRequests.Route}/{task.Id()}");
            var pending = await PollAsync(client, m => m.ValueOrZero("db_client_connection_npgsql_pending_requests", pool) == 1);
            Assert.Equal(1, pending.ValueOrZero("db_client_connection_count", pool, ("db_client_connection_state", "used")));
            Assert.Equal(1, pending.ValueOrZero("db_client_connection_max", pool));
        }

        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
        await PollAsync(client, m => m.ValueOrZero("db_client_connection_npgsql_pending_requests", pool) == 0);
    }

    private static async Task<PrometheusScrape> ScrapeAsync(HttpClient client) =>
        new(await client.GetStringAsync("/metrics"));

    private static async Task<PrometheusScrape> PollAsync(HttpClient client, Func<PrometheusScrape, bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); ; await Task.Delay(50))
        {
            var metrics = await ScrapeAsync(client);
            if (condition(metrics) || DateTime.UtcNow > deadline)
            {
                Assert.True(condition(metrics), "The metrics never reached the expected state.");
                return metrics;
            }
        }
    }
}
