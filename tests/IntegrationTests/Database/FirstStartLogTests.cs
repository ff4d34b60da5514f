using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NakamuraMisaki.IntegrationTests.Handoffs;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Database;

/// <summary>Operators alert on error lines: a service starting on an empty database must not write one.</summary>
public sealed class FirstStartLogTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Migrating_an_empty_database_on_first_start_logs_no_error()
    {
        var logs = new CapturedLogs();
        await OnFreshDatabaseAsync(logs, _ => { }, async instance =>
        {
            using var client = instance.CreateClient();
            await WaitUntilReadyAsync(client);
        });

        Assert.Contains(logs.Entries, e => e.Message.Contains("schema is up to date"));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Background_jobs_wait_for_the_migrations_of_a_fresh_database_then_run()
    {
        var logs = new CapturedLogs();
        await using var slack = await SlackStub.StartAsync();
        await OnFreshDatabaseAsync(logs, builder =>
        {
            // Every job on, with its first pass due at once: each would meet tables that do not exist yet (42P01).
            builder.UseSetting("Sessions:Cleanup:Enabled", "true");
            builder.UseSetting("Embeddings:Backfill:Enabled", "true");
            builder.UseSetting("Reminders:Enabled", "true");
            builder.UseSetting("Reminders:Interval", "00:00:01");
            builder.UseSetting("Slack:BotToken", ReminderHosts.BotToken);
            builder.UseSetting("Slack:BaseAddress", slack.BaseAddress.ToString());
        }, async instance =>
        {
            using var client = instance.CreateClient();
            await WaitUntilReadyAsync(client);

            // The reminder job keeps running after the schema arrived: it sends the reminder of a new hand-off.
            await client.CreateHandoffAsync();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (slack.Requests.Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The reminder job never sent the due reminder.");
                await Task.Delay(100);
            }
        });

        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("42P01"));
        Assert.Equal(3, logs.Entries.Count(e => e.Message.Contains(" runs every ")));
    }

    private async Task OnFreshDatabaseAsync(
        CapturedLogs logs, Action<IWebHostBuilder> configure, Func<WebApplicationFactory<Program>, Task> run)
    {
        var name = $"first_start_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(Factory.Database.ConnectionString);
        await admin.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(Factory.Database.ConnectionString) { Database = name };
            await using var instance = Factory.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("ConnectionStrings:Default", connectionString.ConnectionString);
                configure(builder);
                builder.ConfigureTestServices(services => services.AddLogging(logging => logging.AddProvider(logs)));
            });
            await run(instance);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "The fresh database never became ready.");
            await Task.Delay(200);
        }
    }
}
