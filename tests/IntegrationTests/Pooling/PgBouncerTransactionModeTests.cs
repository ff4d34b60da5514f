using System.Net;
using NakamuraMisaki.IntegrationTests.Import;
using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Pooling;

/// <summary>
/// The service behind PgBouncer 1.18 in transaction mode with Database:Pooler=PgBouncerTransaction: PgBouncer's server
/// pool (4) is far smaller than the service's, so consecutive transactions of one service connection land on different
/// server connections, and a prepared statement or session setting would fail on the next one. Every flow is repeated
/// concurrently, past Npgsql's auto-prepare threshold. Without PgBouncer installed or against TEST_DATABASE_URL it
/// returns early.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PgBouncerTransactionModeTests
{
    private static readonly IReadOnlyDictionary<string, string> Pooler = new Dictionary<string, string>
    {
        ["Database:Pooler"] = "PgBouncerTransaction",
    };

    [Fact]
    public async Task Migrations_tasks_notes_search_sessions_and_import_all_work_through_transaction_pooling()
    {
        var database = await TestDatabase.StartAsync();
        if (database.Cluster is null || !PgBouncer.IsInstalled)
        {
            await database.DisposeAsync();
            return;
        }

        PgBouncer? bouncer = null;
        ApiFactory? factory = null;
        try
        {
            bouncer = await PgBouncer.StartAsync(database.ConnectionString);
            factory = ApiFactory.Separate(database, new Dictionary<string, string>(Pooler)
            {
                ["ConnectionStrings:Default"] = bouncer.ConnectionString, // migrations too go through PgBouncer
            });
            await ((IAsyncLifetime)factory).InitializeAsync();
            using var client = factory.CreateClient();

            await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
            {
                for (var i = 0; i < 4; i++)
                {
                    var task = await client.CreateTaskAsync($"資料 {worker}-{i}");
                    Assert.Equal(HttpStatusCode.OK, (await client.TransitionAsync(task, "start")).StatusCode);
                    Assert.Equal(HttpStatusCode.OK, (await client.TransitionAsync(task, "complete")).StatusCode);
                    await TaskRequests.GetOkJsonAsync(client, $"{TaskRequests.Route}/search?q=資料&include_closed=true");
                    await client.SaveNoteAsync($"pgbouncer note {worker}-{i} about connection pooling");
                    await client.SearchAsync("connection pooling");
                }
            }));

            var found = await TaskRequests.GetOkJsonAsync(client, $"{TaskRequests.Route}/search?q=資料&include_closed=true&limit=100");
            Assert.Equal(32, found.Titles().Length);
            Assert.Equal(32, (await client.SearchAsync("pgbouncer note", limit: 100)).Contents().Length);

            using var stores = new LegacyStoreFixture();
            var import = await new ImportRunner(bouncer.ConnectionString) { Settings = Pooler }
                .RunAsync("--sessions", stores.SessionsDirectory, "--notes", stores.NotesDirectory);
            Assert.True(import.Report is not null, import.Output);
            Assert.True(await CountAsync(database, "sessions") > 0, import.Output);
        }
        finally
        {
            await (factory is null ? database.DisposeAsync() : new ValueTask(((IAsyncLifetime)factory).DisposeAsync()));
            if (bouncer is not null)
            {
                await bouncer.DisposeAsync();
            }
        }
    }

    private static async Task<long> CountAsync(TestDatabase database, string table)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
