using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import;

/// <summary>
/// Runs one plan: reads the whole store (records are small and deduplication needs them all), drops exact
/// duplicates, refuses clashing ones, then writes or compares in batches. A batch the database refuses is split until
/// the offending rows are found, so one bad row costs only itself.
/// </summary>
internal sealed class SourceImporter<TRecord, TRow>(
    IImportPlan<TRecord, TRow> plan, ImportMode mode, IImportProgress progress, TimeProvider time)
    where TRecord : class, ILegacyRecord
    where TRow : ILegacyRecord
{
    private readonly List<RejectedRecord> _rejected = [];
    private readonly List<DuplicateRecord> _duplicates = [];
    private readonly List<ConflictingRecord> _conflicts = [];
    private readonly List<MissingRecord> _missing = [];
    private readonly List<TRow> _newRows = [];
    private int _imported;
    private int _alreadyPresent;

    public async Task<SourceReport> RunAsync(string origin, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        progress.Reading(plan.Source, origin);
        var (read, accepted) = await ReadAsync(origin, cancellationToken);

        var done = 0;
        progress.Advanced(plan.Source, Progress(done, accepted.Count));
        await plan.BeforeWritingAsync(mode, cancellationToken);
        foreach (var batch in accepted.Chunk(plan.Writer.BatchSize))
        {
            var rows = await plan.PrepareAsync(batch.Select(b => b.Record).ToArray(), mode, cancellationToken);
            await WriteAsync(batch.Zip(rows, (b, row) => (b.Location, row)).ToArray(), cancellationToken);
            done += batch.Length;
            progress.Advanced(plan.Source, Progress(done, accepted.Count));
        }

        var report = new SourceReport(
            plan.Source, origin, mode, read, _imported, _alreadyPresent, _duplicates, _rejected, _conflicts, _missing,
            plan.Remarks(_newRows, mode).ToArray(), time.GetElapsedTime(started));
        progress.Finished(report);
        return report;
    }

    private async Task<(int Read, List<(RecordLocation Location, TRecord Record)> Accepted)> ReadAsync(
        string origin, CancellationToken cancellationToken)
    {
        var read = 0;
        var accepted = new List<(RecordLocation Location, TRecord Record)>();
        var seen = new Dictionary<string, (RecordLocation Location, TRecord Record)>(StringComparer.Ordinal);
        await foreach (var item in plan.Reader.ReadAsync(origin, cancellationToken))
        {
            read++;
            if (item.Record is not { } record)
            {
                _rejected.Add(new RejectedRecord(item.Location, item.RejectionReason!));
            }
            else if (seen.TryGetValue(record.Key, out var first))
            {
                if (first.Record.Equals(record))
                {
                    _duplicates.Add(new DuplicateRecord(item.Location, first.Location));
                }
                else
                {
                    _rejected.Add(new RejectedRecord(item.Location,
                        $"{plan.KeyName} {record.Key} was already read at {first.Location} with different content; the first is kept"));
                }
            }
            else
            {
                seen.Add(record.Key, (item.Location, record));
                accepted.Add((item.Location, record));
            }
        }

        return (read, accepted);
    }

    private async Task WriteAsync(IReadOnlyList<(RecordLocation Location, TRow Row)> batch, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, RowOutcome> outcomes;
        try
        {
            var rows = batch.Select(b => b.Row).ToArray();
            outcomes = mode == ImportMode.Import
                ? await plan.Writer.ImportAsync(rows, cancellationToken)
                : await plan.Writer.CompareAsync(rows, cancellationToken);
        }
        catch (ImportRowsRefusedException e)
        {
            if (batch.Count == 1)
            {
                _rejected.Add(new RejectedRecord(batch[0].Location, $"refused by the database: {e.Message}"));
                return;
            }

            var half = batch.Count / 2;
            await WriteAsync(batch.Take(half).ToArray(), cancellationToken);
            await WriteAsync(batch.Skip(half).ToArray(), cancellationToken);
            return;
        }

        foreach (var (location, row) in batch)
        {
            var outcome = outcomes[row.Key];
            switch (outcome.State)
            {
                case RowState.Imported:
                    _imported++;
                    _newRows.Add(row);
                    break;
                case RowState.AlreadyPresent:
                    _alreadyPresent++;
                    break;
                case RowState.Conflict:
                    _conflicts.Add(new ConflictingRecord(location, row.Key, outcome.DifferingColumns));
                    break;
                case RowState.Missing:
                    _missing.Add(new MissingRecord(location, row.Key));
                    _newRows.Add(row);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown row state {outcome.State}.");
            }
        }
    }

    private SourceProgress Progress(int done, int total) =>
        new(done, total, _imported + _missing.Count, _alreadyPresent, _conflicts.Count, _rejected.Count);
}
