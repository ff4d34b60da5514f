using System.Diagnostics;
using NakamuraMisaki.Infrastructure.Embeddings;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace NakamuraMisaki.Bench.NotesSearch;

/// <summary>Saves one note at a time as the service's save does: embed with the offline embedder, then one INSERT.</summary>
internal static class SaveLatency
{
    public static async Task<(double P50, double P95)> MeasureAsync(
        NpgsqlDataSource dataSource, HashedNgramEmbeddingGenerator embedder, SyntheticCorpus corpus, int count)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var content = corpus.Note();
            var clock = Stopwatch.StartNew();
            var vector = embedder.Embed(content);
            await using var command = dataSource.CreateCommand(
                "INSERT INTO notes (id, user_id, category, content, created_at, embedding, embedding_model) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7)");
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            command.Parameters.Add(new NpgsqlParameter { Value = "U0BENCHSAVE" });
            command.Parameters.Add(new NpgsqlParameter { Value = corpus.Category() });
            command.Parameters.Add(new NpgsqlParameter { Value = content });
            command.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = new Vector(vector) });
            command.Parameters.Add(new NpgsqlParameter { Value = HashedNgramEmbeddingGenerator.ModelId });
            await command.ExecuteNonQueryAsync();
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95));
    }
}
