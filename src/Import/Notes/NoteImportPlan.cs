using System.Globalization;
using NakamuraMisaki.Import.Common;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Import.Notes;

/// <summary>
/// A first import into a table that holds no note of the configured model drops that model's (empty) HNSW index for
/// the load and leaves its build to the service's index job (NoteVectorIndexJob: at start-up, then every
/// Embeddings:Index:IntervalSeconds; one concurrent graph build instead of one insertion per row), and says so: the
/// build takes longer than the load itself, and until it is done searches read each user's notes exactly (issue #28).
/// With notes of the model already stored, the index stays and is maintained row by row (slower, but a live service's
/// searches keep their index).
/// <para>
/// Notes are embedded on the way in, in batches through the configured provider, and only those not stored yet.
/// When the provider fails, the notes are stored without an embedding and the rest of the run stops asking it (every
/// further call would wait out its timeout); the embedding backfill job embeds them once the provider is back.
/// </summary>
public sealed class NoteImportPlan(
    ILegacyReader<LegacyNote> reader, INoteWriter writer, ITextEmbedder embedder, INoteVectorIndexes indexes, TimeProvider time)
    : IImportPlan<LegacyNote, NoteImportRow>
{
    private string? _providerFailure;
    private TimeSpan _embedding;
    private bool _indexLeftToService;

    public ImportSource Source => ImportSource.Notes;
    public string KeyName => "id (derived)";
    public ILegacyReader<LegacyNote> Reader => reader;
    public IImportWriter<NoteImportRow> Writer => writer;

    public async Task<IReadOnlyList<NoteImportRow>> PrepareAsync(
        IReadOnlyList<LegacyNote> records, ImportMode mode, CancellationToken cancellationToken)
    {
        var embeddings = new Dictionary<Guid, NoteEmbedding>();
        if (mode == ImportMode.Import)
        {
            var stored = await writer.ExistingIdsAsync(records.Select(r => r.Id).ToArray(), cancellationToken);
            var toEmbed = records.Where(r => !stored.Contains(r.Id)).ToArray();
            foreach (var chunk in toEmbed.Chunk(EmbeddingPassLimits.DefaultBatchSize))
            {
                if (_providerFailure is not null)
                {
                    break;
                }

                var started = time.GetTimestamp();
                try
                {
                    var vectors = await embedder.EmbedAsync(chunk.Select(n => n.Content).ToArray(), cancellationToken);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        embeddings[chunk[i].Id] = vectors[i];
                    }
                }
                catch (EmbeddingUnavailableException e)
                {
                    _providerFailure = e.Message;
                }
                finally
                {
                    _embedding += time.GetElapsedTime(started);
                }
            }
        }

        return records.Select(r => new NoteImportRow(r, embeddings.GetValueOrDefault(r.Id))).ToArray();
    }

    public async Task BeforeWritingAsync(ImportMode mode, CancellationToken cancellationToken)
    {
        _indexLeftToService = mode == ImportMode.Import && embedder.Dimensions is { } width
            && await indexes.DropIfEmptyAsync(embedder.Model, width, cancellationToken);
    }

    public IEnumerable<string> Remarks(IReadOnlyList<NoteImportRow> newRows, ImportMode mode)
    {
        if (mode != ImportMode.Import)
        {
            yield break; // nothing was embedded: dry runs and verification never call the provider
        }

        var embedded = newRows.Count(r => r.Embedding is not null);
        var waiting = newRows.Count - embedded;
        if (embedded > 0)
        {
            // The time spent waiting for the provider, apart from the database's: with a remote model it dominates.
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{embedded:N0} notes embedded with {embedder.Model} in {_embedding.TotalSeconds:F1} s");
        }

        if (_indexLeftToService)
        {
            yield return $"the {embedder.Model} HNSW index was dropped for the load (the table had none of its notes): " +
                         "the service's index job builds it at start-up and then every Embeddings:Index:IntervalSeconds " +
                         "(its log says when it is built); until then searches read each user's notes exactly";
        }

        if (waiting > 0)
        {
            var why = _providerFailure is null ? "" : $" (the provider failed: {_providerFailure})";
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{waiting:N0} notes stored without an embedding; the embedding backfill job embeds them{why}");
        }
    }
}
