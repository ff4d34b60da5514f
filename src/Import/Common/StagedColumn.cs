using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace NakamuraMisaki.Import.Common;

/// <summary>A column of a target table, how a row's value is sent in binary COPY, and whether it takes part in the comparison with a stored row.</summary>
internal sealed record StagedColumn<TRow>(string Name, Func<NpgsqlBinaryImporter, TRow, CancellationToken, Task> Write, bool Compared = true);

internal static class StagedColumn
{
    public static StagedColumn<T> Text<T>(string name, Func<T, string?> value, bool compared = true) =>
        new(name, (w, row, ct) => Write(w, value(row), NpgsqlDbType.Text, ct), compared);

    public static StagedColumn<T> Jsonb<T>(string name, Func<T, string> value) =>
        new(name, (w, row, ct) => w.WriteAsync(value(row), NpgsqlDbType.Jsonb, ct));

    public static StagedColumn<T> Uuid<T>(string name, Func<T, Guid> value) =>
        new(name, (w, row, ct) => w.WriteAsync(value(row), NpgsqlDbType.Uuid, ct));

    /// <summary>Values are UTC at microsecond precision already (see LegacyTimestamp), so what is stored compares equal.</summary>
    public static StagedColumn<T> TimestampTz<T>(string name, Func<T, DateTimeOffset?> value) =>
        new(name, (w, row, ct) => value(row) is { } v ? w.WriteAsync(v, NpgsqlDbType.TimestampTz, ct) : w.WriteNullAsync(ct));

    public static StagedColumn<T> Integer<T>(string name, Func<T, int?> value) =>
        new(name, (w, row, ct) => value(row) is { } v ? w.WriteAsync(v, NpgsqlDbType.Integer, ct) : w.WriteNullAsync(ct));

    public static StagedColumn<T> Bigint<T>(string name, Func<T, long> value, bool compared = true) =>
        new(name, (w, row, ct) => w.WriteAsync(value(row), NpgsqlDbType.Bigint, ct), compared);

    public static StagedColumn<T> Boolean<T>(string name, Func<T, bool> value) =>
        new(name, (w, row, ct) => w.WriteAsync(value(row), NpgsqlDbType.Boolean, ct));

    /// <summary>pgvector's type is resolved through the data source (UseVector), not an NpgsqlDbType.</summary>
    public static StagedColumn<T> Vector<T>(string name, Func<T, float[]?> value, bool compared) =>
        new(name, (w, row, ct) => value(row) is { } v ? w.WriteAsync(new Vector(v), ct) : w.WriteNullAsync(ct), compared);

    private static Task Write(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
}
