using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Backups;

/// <summary>
/// Base for backup tests: in the API collection (the service's database is shared and reset like every test's), with
/// a scratch directory for archives and, on demand, empty databases on the same server to restore into.
/// </summary>
[Collection(ApiCollection.Name)]
public abstract class BackupTest(ApiFactory factory) : IAsyncLifetime
{
    private readonly List<string> _databases = [];

    protected ApiFactory Factory { get; } = factory;
    protected HttpClient Client { get; } = factory.CreateClient();
    protected string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("nakamura-backups-").FullName;
    protected BackupRunner Service => new(Factory.Database.ConnectionString);

    public Task InitializeAsync() => Factory.ResetAsync();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
        foreach (var database in _databases)
        {
            await ExecuteAsync(Factory.Database.ConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    /// <summary>A new, empty database on the test server; its connection string.</summary>
    protected async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"restore_{Guid.NewGuid():N}";
        _databases.Add(name);
        await ExecuteAsync(Factory.Database.ConnectionString, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(Factory.Database.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    protected static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A backup of the service's database that must succeed; the archive's path.</summary>
    protected async Task<string> BackupAsync()
    {
        var run = await Service.RunAsync("backup", "--to", Directory);
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Archive;
    }
}
