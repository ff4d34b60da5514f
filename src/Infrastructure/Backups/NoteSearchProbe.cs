using NakamuraMisaki.Application.Backups;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Backups;

/// <summary>
/// One meaning search per embedding model in a restored database: a stored note's own vector, searched for by cosine
/// distance the way the notes search orders, must come back at distance 0. That proves the vectors and the vector
/// extension came through intact without calling any embedding provider.
/// </summary>
internal static class NoteSearchProbe
{
    public static async Task<IReadOnlyList<BackupCheck>> RunAsync(NpgsqlConnection session, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('public.notes') IS NOT NULL", session))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return [new("notes search", true, "no notes table in this archive: nothing to search")];
            }
        }

        const string sql = """
            SELECT p.embedding_model, p.id, hit.id, hit.distance
            FROM (SELECT DISTINCT ON (embedding_model) embedding_model, id, embedding
                  FROM notes WHERE embedding IS NOT NULL ORDER BY embedding_model, id) p
            CROSS JOIN LATERAL (SELECT n.id, n.embedding <=> p.embedding AS distance
                                FROM notes n WHERE n.embedding IS NOT NULL
                                ORDER BY n.embedding <=> p.embedding LIMIT 1) hit
            ORDER BY p.embedding_model
            """;
        var checks = new List<BackupCheck>();
        await using var command = new NpgsqlCommand(sql, session);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (model, probe, distance) = (reader.GetString(0), reader.GetGuid(1), reader.GetDouble(3));
            checks.Add(new($"notes search ({model})", distance < 1e-6,
                $"note {probe}'s vector finds {reader.GetGuid(2)} at cosine distance {distance:0.######}"));
        }

        return checks.Count > 0 ? checks : [new("notes search", true, "no embedded notes: nothing to search")];
    }
}
