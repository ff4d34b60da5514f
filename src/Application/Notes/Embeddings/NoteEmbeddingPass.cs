using NakamuraMisaki.Application.Common.Retries;

namespace NakamuraMisaki.Application.Notes.Embeddings;

/// <param name="NextAfter">Where to resume (pass it as <c>after</c>); null when <paramref name="Done"/>.</param>
/// <param name="Done">No note of the backlog is left after the cursor.</param>
/// <param name="EmbeddingUnavailable">The pass stopped because the embedding service is failing; retry later.</param>
/// <param name="Failed">
/// Notes a working provider refused one by one; they stay in the backlog, left alone for an exponential back-off.
/// </param>
public sealed record EmbeddingPassResult(
    string Model, int Embedded, int Failed, Guid? NextAfter, bool Done, bool EmbeddingUnavailable);

/// <summary>
/// Works through a backlog of notes in id order, a batch at a time, embedding each batch with one provider call.
/// Resumable and idempotent: a note leaves the backlog once it has the configured model's embedding, so running a
/// pass again (or two at once) only redoes what is left, and the keyset cursor lets a caller continue where it stopped.
/// A note the provider refuses while it embeds others (or answers a probe) is backed off per note (docs/embeddings.md),
/// so it is not tried on every pass; an outage backs off no note, since then no note is at fault.
/// </summary>
public sealed class NoteEmbeddingPass(INoteReader reader, INoteRepository notes, ITextEmbedder embedder, TimeProvider clock)
{
    /// <summary>The wait after a note's first refusal; it doubles with each further one up to <see cref="MaxRetryWait"/>.</summary>
    public static readonly TimeSpan FirstRetryWait = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxRetryWait = TimeSpan.FromDays(1);

    /// <summary>Embedded when the first note of a batch fails alone: tells a refused note from a provider that is down.</summary>
    private const string ProbeText = "probe";

    public async Task<EmbeddingPassResult> RunAsync(
        EmbeddingBacklog backlog, Guid? after, int maxNotes, int batchSize, CancellationToken cancellationToken)
    {
        var model = embedder.Model;
        int embedded = 0, failed = 0;
        var cursor = after;
        while (embedded + failed < maxNotes)
        {
            var batch = await reader.ListToEmbedAsync(
                backlog, model, embedder.Dimensions, cursor, Math.Min(batchSize, maxNotes - embedded - failed),
                clock.GetUtcNow(), cancellationToken);
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
                    var retryAt = clock.GetUtcNow()
                        + ExponentialBackoff.After(batch[i].FailedAttempts + 1, FirstRetryWait, MaxRetryWait);
                    await notes.RecordEmbeddingFailureAsync(batch[i].Id, retryAt, cancellationToken);
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

    private async Task<bool> ProviderAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await embedder.EmbedAsync(ProbeText, cancellationToken);
            return true;
        }
        catch (EmbeddingUnavailableException)
        {
            return false;
        }
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
            // One unembeddable note fails the whole batch call. Retry one by one; if the first fails too, a probe
            // tells a refused note from a service that is down, which should cost three calls, not one per note.
        }
        catch (EmbeddingUnavailableException)
        {
            // A lone note that fails: the probe says whether it is the note or the service.
            return await ProviderAnswersAsync(cancellationToken) ? [null] : null;
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
                if (!await ProviderAnswersAsync(cancellationToken))
                {
                    return null;
                }

                vectors[i] = null; // the provider works, so it is this note it refuses
            }
        }

        return vectors;
    }
}
