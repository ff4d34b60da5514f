namespace NakamuraMisaki.Import.Common;

public enum RowState
{
    /// <summary>Inserted by this run.</summary>
    Imported,

    /// <summary>A row with this key and the same content was already there.</summary>
    AlreadyPresent,

    /// <summary>A row with this key but different content is there; it was left as it is.</summary>
    Conflict,

    /// <summary>No row with this key (dry run and verify, which write nothing).</summary>
    Missing,
}

/// <summary>What became of one row; for a conflict, the columns in which the stored row differs.</summary>
public sealed record RowOutcome(RowState State, IReadOnlyList<string> DifferingColumns)
{
    public static readonly RowOutcome Imported = new(RowState.Imported, []);
    public static readonly RowOutcome AlreadyPresent = new(RowState.AlreadyPresent, []);
    public static readonly RowOutcome Missing = new(RowState.Missing, []);
}
