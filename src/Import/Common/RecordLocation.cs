namespace NakamuraMisaki.Import.Common;

/// <summary>Where a record was found, precisely enough to open the file and look: the file and the record's position in it.</summary>
public sealed record RecordLocation(string File, string Position)
{
    /// <summary>A problem with the whole file (not JSON, wrong shape, unreadable).</summary>
    public static RecordLocation WholeFile(string file) => new(file, "(whole file)");

    /// <summary>The element of a JSON array, counted from 0.</summary>
    public static RecordLocation ArrayIndex(string file, int index) => new(file, $"[{index}]");

    /// <summary>The member of a JSON object.</summary>
    public static RecordLocation ObjectKey(string file, string key) => new(file, $"key \"{key}\"");

    /// <summary>The row of a SQLite table.</summary>
    public static RecordLocation RowId(string file, long rowId) => new(file, $"rowid {rowId}");

    public override string ToString() => $"{File} {Position}";
}
