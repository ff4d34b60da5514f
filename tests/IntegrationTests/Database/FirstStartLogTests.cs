using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Database;

/// <summary>Operators alert on error lines: a service starting on an empty database must not write one.</summary>
public sealed class FirstStartLogTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Migrating_an_empty_database_on_first_start_logs_no_error()
    {
        var name = $"first_start_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(Factory.Database.ConnectionString);
        await admin.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
        try
        {
            var logs = new CapturedLogs();
            var connectionString = new NpgsqlConnectionStringBuilder(Factory.Database.ConnectionString) { Database = name };
            await using (var instance = Factory.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("ConnectionStrings:Default", connectionString.ConnectionString);
                builder.ConfigureTestServices(services => services.AddLogging(logging => logging.AddProvider(logs)));
            }))
            {
                using var client = instance.CreateClient();
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
                {
                    Assert.True(DateTime.UtcNow < deadline, "The fresh database never became ready.");
                    await Task.Delay(200);
                }
            }

            Assert.Contains(logs.Entries, e => e.Message.Contains("schema is up to date"));
            Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }
}
