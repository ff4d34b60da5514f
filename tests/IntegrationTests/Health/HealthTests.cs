using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Health;

public sealed class HealthTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Live_answers_without_the_database()
    {
        var live = await Client.GetOkJsonAsync("/health/live");
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(live.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Ready_reports_the_database_pgvector_and_migrations()
    {
        var ready = await Client.GetOkJsonAsync("/health/ready");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var database = ready.GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.True(int.Parse(database.GetProperty("server_version").GetString()!.Split('.')[0]) >= 15);
        Assert.False(string.IsNullOrEmpty(database.GetProperty("pgvector_version").GetString()));
        Assert.Equal(0, database.GetProperty("pending_migrations").GetInt32());
        Assert.True(database.GetProperty("active_connections").GetInt32() >= 1);
        Assert.True(database.GetProperty("idle_connections").GetInt32() >= 0);
        Assert.True(database.GetProperty("max_connections").GetInt32() > 0);
    }

    [Fact]
    public async Task Ready_is_503_while_a_migration_is_pending()
    {
        // EF Core's context check (readiness' "schema" check) sees the newest migration as not applied.
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var forget = new NpgsqlCommand(
            "DELETE FROM \"__EFMigrationsHistory\" WHERE migration_id = (SELECT max(migration_id) FROM \"__EFMigrationsHistory\") " +
            "RETURNING migration_id, product_version", connection);
        string id, version;
        await using (var reader = await forget.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            (id, version) = (reader.GetString(0), reader.GetString(1));
        }

        try
        {
            var response = await Client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var database = (await ReadJsonAsync(response)).GetProperty("database");
            Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
            Assert.Equal(1, database.GetProperty("pending_migrations").GetInt32());
        }
        finally
        {
            await using var restore = new NpgsqlCommand(
                "INSERT INTO \"__EFMigrationsHistory\" (migration_id, product_version) VALUES ($1, $2)", connection);
            restore.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
            restore.Parameters.Add(new NpgsqlParameter<string> { TypedValue = version });
            await restore.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Ready_is_503_when_the_database_is_unreachable()
    {
        using var unreachable = Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Default", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2");
            b.UseSetting("Database:MigrateOnStartup", "false");
        });
        using var client = unreachable.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Requests_during_a_database_outage_answer_503_problem_details_not_500()
    {
        using var unreachable = Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Default", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2");
            b.UseSetting("Database:MigrateOnStartup", "false");
            b.UseSetting("Database:MaxRetryCount", "0");
        });
        using var client = unreachable.CreateClient();

        await AssertProblemAsync(await client.GetAsync($"{TaskRequests.Route}/{Guid.NewGuid()}"), HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_task_endpoints()
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/tasks", "/api/v1/tasks/{id}", "/api/v1/tasks/{id}/complete", "/api/v1/tasks/due-today" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }
    }
}
