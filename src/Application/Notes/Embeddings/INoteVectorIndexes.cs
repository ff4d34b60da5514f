namespace NakamuraMisaki.Application.Notes.Embeddings;

/// <summary>
/// The HNSW index of each (model, width) in the untyped embedding column. Built by the service for the model it is
/// configured with, so switching models needs neither code nor a migration (docs/decisions/0017-vector-width-per-model.md).
/// </summary>
public interface INoteVectorIndexes
{
    /// <summary>
    /// Creates the index if it is missing or was left invalid by an interrupted build: concurrently (saves and
    /// searches go on meanwhile), by one instance at a time. True when this call built it.
    /// </summary>
    Task<bool> EnsureAsync(string model, int dimensions, CancellationToken cancellationToken);

    /// <summary>
    /// Before a bulk load: drops the index when not one note of that model and width is stored, so the load does not
    /// pay one HNSW insertion per row, and no search loses anything (the index was empty). True when dropped; the
    /// service's index job builds it again (<see cref="EnsureAsync"/>).
    /// </summary>
    Task<bool> DropIfEmptyAsync(string model, int dimensions, CancellationToken cancellationToken);
}
