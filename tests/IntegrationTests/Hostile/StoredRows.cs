using Npgsql;

namespace NakamuraMisaki.IntegrationTests.Hostile;

/// <summary>
/// A fingerprint of everything stored: per table, its row count and newest row version (xmin). An insert, update or
/// delete changes it, so a refused request that wrote anything is caught whatever table it wrote to.
/// </summary>
internal sealed class StoredRows(string connectionString)
{
    private string? _query;

    public async Task<string> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        _query ??= await BuildQueryAsync(connection);
        await using var command = new NpgsqlCommand(_query, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> BuildQueryAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory' ORDER BY 1",
            connection);
        var parts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            parts.Add($"(SELECT '{table}:' || count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM public.\"{table}\")");
        }

        return "SELECT " + string.Join(" || ' ' || ", parts);
    }
}
