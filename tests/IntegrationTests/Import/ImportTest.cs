using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Import;

/// <summary>
/// Base for import tests: in the API collection, so the database is shared with (and reset like) every other test,
/// and no other test's reset can empty it in the middle of an import.
/// </summary>
[Collection(ApiCollection.Name)]
public abstract class ImportTest(ApiFactory factory) : IAsyncLifetime
{
    protected ApiFactory Factory { get; } = factory;
    protected LegacyStoreFixture Stores { get; } = new();
    protected ImportRunner Importer => new(Factory.Database.ConnectionString);

    public Task InitializeAsync() => Factory.ResetAsync();

    public Task DisposeAsync()
    {
        Stores.Dispose();
        return Task.CompletedTask;
    }

    protected async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    protected async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT count(*) FROM {table}");
}
