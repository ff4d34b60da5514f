namespace NakamuraMisaki.Application.Notes.Embeddings;

/// <param name="NextAfter">Where to resume (pass it as <c>after</c>); null when <paramref name="Done"/>.</param>
/// <param name="Done">No note of the backlog is left after the cursor.</param>
/// <param name="EmbeddingUnavailable">The pass stopped because the embedding service is failing; retry later.</param>
/// <param name="Failed">Notes the provider refused one by one; they stay in the backlog for a later pass.</param>
public sealed record EmbeddingPassResult(
    string Model, int Embedded, int Failed, Guid? NextAfter, bool Done, bool EmbeddingUnavailable);

/// <summary>
/// Works through a backlog of notes in id order, a batch at a time, embedding each batch with one provider call.
/// Resumable and idempotent: a note leaves the backlog once it has the configured model's embedding, so running a
/// pass again (or two at once) only redoes what is left, and the keyset cursor lets a caller continue where it stopped.
/// </summary>
public sealed class NoteEmbeddingPass(INoteReader reader, INoteRepository notes, ITextEmbedder embedder)
{
    public async Task<EmbeddingPassResult> RunAsync(
        EmbeddingBacklog backlog, Guid? after, int maxNotes, int batchSize, CancellationToken cancellationToken)
    {
        var model = embedder.Model;
        int embedded = 0, failed = 0;
        var cursor = after;
        while (embedded + failed < maxNotes)
        {
            var batch = await reader.ListToEmbedAsync(
                backlog, model, cursor, Math.Min(batchSize, maxNotes - embedded - failed), cancellationToken);
            if (batch.Count == 0)
            {
                return new EmbeddingPassResult(model, embedded, failed, null, Done: true, EmbeddingUnavailable: false);
            }

            var vectors = await EmbedAsync(batch, cancellationToken);
            if (vectors is null)
            {
                // The cursor stays before this batch, so resuming retries it.
                return new EmbeddingPassResult(model, embedded, failed, cursor, Done: false, EmbeddingUnavailable: true);
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (vectors[i] is not { } vector)
                {
                    failed++;
                }
                else if (await notes.SetEmbeddingAsync(batch[i].Id, vector, cancellationToken))
                {
                    embedded++;
                }
            }

            cursor = batch[^1].Id;
        }

        return new EmbeddingPassResult(model, embedded, failed, cursor, Done: false, EmbeddingUnavailable: false);
    }

    /// <returns>
    /// One embedding per note (null where the provider refused that note), or null when the service is failing.
    /// </returns>
    private async Task<NoteEmbedding?[]?> EmbedAsync(IReadOnlyList<NoteToEmbed> batch, CancellationToken cancellationToken)
    {
        try
        {
            return [.. await embedder.EmbedAsync(batch.Select(n => n.Content).ToArray(), cancellationToken)];
        }
        catch (EmbeddingUnavailableException) when (batch.Count > 1)
        {
            // One unembeddable note fails the whole batch call. Retry one by one, but give up after the first if it
            // fails too: a service that is down should cost two calls, not one per note.
        }
        catch (EmbeddingUnavailableException)
        {
            return null;
        }

        var vectors = new NoteEmbedding?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                vectors[i] = await embedder.EmbedAsync(batch[i].Content, cancellationToken);
            }
            catch (EmbeddingUnavailableException) when (i > 0)
            {
                vectors[i] = null;
            }
            catch (EmbeddingUnavailableException)
            {
                return null;
            }
        }

        return vectors;
    }
}
