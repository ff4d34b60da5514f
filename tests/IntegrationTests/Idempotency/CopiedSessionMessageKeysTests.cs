using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.IntegrationTests.Sessions;
using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Idempotency;

/// <summary>
/// The migration that retired session_messages.idempotency_key (ADR 0023) copies the keys stored there into the one
/// store: a retry of such an append, from any client of the session's owner, answers what the append stored.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CopiedSessionMessageKeysTests
{
    private const string BeforeRetirement = "20261130033034_ReminderAndEmbeddingRetries";

    [Fact]
    public async Task A_key_stored_on_the_messages_before_the_migration_still_answers_its_retry()
    {
        var factory = ApiFactory.Separate(null);
        await ((IAsyncLifetime)factory).InitializeAsync();
        try
        {
            using var client = factory.CreateClient();
            await client.CreateSessionAsync("s-old");
            var single = await SessionMessageRequests.ExpectAsync(
                await client.PostMessageAsync("s-old", new { role = "user", content = "一つ" }), HttpStatusCode.Created);
            await client.AppendBatchAsync("s-old", "a", "b");

            // The schema as it was, with the keys as the old appends stored them; then the migration.
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var migrator = scope.ServiceProvider.GetRequiredService<AppDbContext>().GetService<IMigrator>();
                await migrator.MigrateAsync(BeforeRetirement);
                await ExecuteAsync(factory, "UPDATE session_messages SET idempotency_key = CASE WHEN seq = 1 THEN 'old-1' ELSE 'old-2' END");
                await migrator.MigrateAsync();
            }

            using var other = factory.CreateClient();
            other.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.OtherApiKey);
            var replayed = await other.PostMessageAsync("s-old", new { role = "user", content = "一つ" }, idempotencyKey: "old-1");
            var batch = await client.PostBatchAsync(
                "s-old", new { messages = new[] { new { role = "user", content = "a" }, new { role = "user", content = "b" } } },
                idempotencyKey: "old-2");

            var answer = await SessionMessageRequests.ExpectAsync(replayed, HttpStatusCode.Created);
            Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal("/api/v1/sessions/s-old/messages/1", replayed.Headers.Location?.OriginalString);
            Assert.Equal(single.GetProperty("content").GetString(), answer.GetProperty("content").GetString());
            Assert.Equal(single.GetProperty("created_at").GetDateTimeOffset(), answer.GetProperty("created_at").GetDateTimeOffset());
            var batchAnswer = await SessionMessageRequests.ExpectAsync(batch, HttpStatusCode.Created);
            Assert.Equal(new[] { 2L, 3L }, batchAnswer.GetProperty("items").EnumerateArray().Select(m => m.Seq()).ToArray());
            Assert.Equal(3, await factory.Database.CountAsync("session_messages"));
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(ApiFactory factory, string sql)
    {
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
