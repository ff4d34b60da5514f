using System.Globalization;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.AgentTasks;

/// <summary>
/// Typed reads of one SQLite row (column name → long, double, string, byte[] or null). SQLite keeps whatever type
/// was written whatever the column says, so a number may arrive as text and the reverse; both are accepted when the
/// meaning is unambiguous, and anything else is refused naming the column.
/// </summary>
public sealed class LegacyRowFields(IReadOnlyDictionary<string, object?> row)
{
    public string? OptionalText(string column) => Get(column) switch
    {
        null => null,
        string s => s,
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        var other => throw WrongType(column, "text", other),
    };

    public string RequiredText(string column) =>
        OptionalText(column) is { } text && text.Trim().Length > 0
            ? text
            : throw new InvalidLegacyRecordException($"'{column}' is missing or empty");

    public long? OptionalInteger(string column) => Get(column) switch
    {
        null => null,
        long n => n,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => (long)d,
        string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        var other => throw WrongType(column, "a whole number", other),
    };

    /// <summary>An ISO 8601 text or a number of Unix seconds: see <see cref="LegacyTimestamp"/>.</summary>
    public DateTimeOffset? OptionalTimestamp(string column)
    {
        var value = Get(column);
        if (value is null || (value is string blank && blank.Trim().Length == 0))
        {
            return null;
        }

        if (value is not (string or long or double))
        {
            throw WrongType(column, "a date and time", value);
        }

        try
        {
            return value switch
            {
                string text => LegacyTimestamp.Parse(text),
                long seconds => LegacyTimestamp.FromUnixSeconds(seconds),
                _ => LegacyTimestamp.FromUnixSeconds((double)value),
            };
        }
        catch (InvalidLegacyRecordException e)
        {
            throw new InvalidLegacyRecordException($"'{column}': {e.Message}");
        }
    }

    public DateTimeOffset RequiredTimestamp(string column) =>
        OptionalTimestamp(column) ?? throw new InvalidLegacyRecordException($"'{column}' is missing");

    private object? Get(string column) => row.TryGetValue(column, out var value) && value is not DBNull ? value : null;

    private static InvalidLegacyRecordException WrongType(string column, string expected, object found) =>
        new($"'{column}' must be {expected}, found {(found is byte[] ? "a blob" : found.GetType().Name)}");
}
