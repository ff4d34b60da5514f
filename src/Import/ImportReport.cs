using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import;

public sealed record RejectedRecord(RecordLocation Location, string Reason);

/// <summary>A record whose key is stored with other content; the stored row was left alone.</summary>
public sealed record ConflictingRecord(RecordLocation Location, string Key, IReadOnlyList<string> DifferingColumns);

/// <summary>A record read again with the same key and content as an earlier one; skipped, nothing lost.</summary>
public sealed record DuplicateRecord(RecordLocation Location, RecordLocation First);

/// <summary>A valid record whose key is not in the database (dry run: would be imported; verify: missing).</summary>
public sealed record MissingRecord(RecordLocation Location, string Key);

/// <summary>
/// What became of one old store. Every record read is counted exactly once:
/// Read = Imported + AlreadyPresent + Conflicts + Missing + Duplicates + Rejected.
/// </summary>
public sealed record SourceReport(
    ImportSource Source,
    string Origin,
    ImportMode Mode,
    int Read,
    int Imported,
    int AlreadyPresent,
    IReadOnlyList<DuplicateRecord> Duplicates,
    IReadOnlyList<RejectedRecord> Rejected,
    IReadOnlyList<ConflictingRecord> Conflicts,
    IReadOnlyList<MissingRecord> Missing,
    IReadOnlyList<string> Remarks,
    TimeSpan Elapsed)
{
    /// <summary>Something needs a person: a record refused, a stored row that differs, or (verify) a record not stored.</summary>
    public bool HasProblems => Rejected.Count > 0 || Conflicts.Count > 0 || (Mode == ImportMode.Verify && Missing.Count > 0);

    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Read / Elapsed.TotalSeconds : 0;
}

public sealed record ImportReport(ImportMode Mode, IReadOnlyList<SourceReport> Sources)
{
    public bool HasProblems => Sources.Any(s => s.HasProblems);
}
