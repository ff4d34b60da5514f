using Npgsql;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>Exact row counts of every table in the public schema (the migrations history included).</summary>
internal static class TableCounts
{
    public const string MigrationsHistory = "__EFMigrationsHistory";

    public static async Task<SortedDictionary<string, long>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname",
            connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var quoted = "\"" + table.Replace("\"", "\"\"") + "\"";
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM public.{quoted}", connection, transaction);
            counts[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return counts;
    }

    /// <summary>The newest applied migration, or null when the database was never migrated.</summary>
    public static async Task<string?> LastMigrationAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand(
            $"SELECT to_regclass('public.\"{MigrationsHistory}\"') IS NOT NULL", connection, transaction);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return null;
        }

        await using var last = new NpgsqlCommand(
            $"SELECT max(migration_id) FROM public.\"{MigrationsHistory}\"", connection, transaction);
        return await last.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>One check per table of the manifest (the history table aside: a restore may migrate it up).</summary>
    public static IEnumerable<Application.Backups.BackupCheck> Compare(
        IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual, bool includeHistory)
    {
        foreach (var (table, rows) in expected)
        {
            if (table == MigrationsHistory && !includeHistory)
            {
                continue;
            }

            var found = actual.TryGetValue(table, out var count) ? count : (long?)null;
            yield return new(
                $"rows in {table}", found == rows,
                found is null ? $"table missing, manifest says {rows}" : $"{found} (manifest {rows})");
        }
    }
}
