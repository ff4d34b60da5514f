using System.Globalization;
using System.Text.RegularExpressions;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Import.Common;

/// <summary>
/// The instants the old stores wrote, as Python's isoformat() and str() of datetimes, with or without an offset:
/// <list type="bullet">
/// <item><c>2024-01-05T10:00:00</c>, <c>2024-01-05 10:00:00</c>, <c>2024-01-05T10:00</c>: no offset means UTC.</item>
/// <item>a fraction of any length (<c>.5</c>, <c>.123456</c>, <c>,123</c>): kept to the microsecond (PostgreSQL's precision), truncated beyond.</item>
/// <item>an offset <c>Z</c>, <c>+09:00</c>, <c>+0900</c> or <c>+09</c>: honoured, and the instant stored in UTC.</item>
/// <item>a number (JSON number, SQLite INTEGER or REAL, or text of digits): Unix seconds, 1970 to 2100.</item>
/// </list>
/// Anything else (a date without a time, month names, 24:00, a leap second) is refused rather than guessed at.
/// </summary>
public static partial class LegacyTimestamp
{
    private static readonly DateTimeOffset NumericMax = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Parse(string text)
    {
        if (double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromUnixSeconds(seconds); // SQLite keeps a number written to a TEXT column as its digits
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new InvalidLegacyRecordException(
                $"'{Shorten(text)}' is not an ISO 8601 date and time (such as 2024-01-05T10:00:00 or 2024-01-05 10:00:00+09:00)");
        }

        try
        {
            var local = new DateTime(
                Number(match, "year"), Number(match, "month"), Number(match, "day"),
                Number(match, "hour"), Number(match, "minute"), match.Groups["second"].Success ? Number(match, "second") : 0,
                DateTimeKind.Unspecified);
            var fraction = match.Groups["fraction"].Value;
            if (fraction.Length > 0)
            {
                // Seven digits are ticks; the rest is below what either .NET or PostgreSQL keeps.
                local = local.AddTicks(long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture));
            }

            return Timestamps.Normalize(new DateTimeOffset(local, Offset(match.Groups["offset"].Value)));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new InvalidLegacyRecordException($"'{Shorten(text)}' is not a valid date and time");
        }
    }

    public static DateTimeOffset FromUnixSeconds(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0 || seconds >= NumericMax.ToUnixTimeSeconds())
        {
            throw new InvalidLegacyRecordException(
                $"{seconds.ToString(CultureInfo.InvariantCulture)} is not a Unix time in seconds between 1970 and 2100");
        }

        return Timestamps.Normalize(DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));
    }

    private static TimeSpan Offset(string offset)
    {
        if (offset.Length == 0 || offset is "Z" or "z")
        {
            return TimeSpan.Zero; // naive: the old stores wrote UTC
        }

        var digits = offset[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }

        var span = new TimeSpan(hours, minutes, 0);
        return offset[0] == '-' ? -span : span;
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(
        @"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[T ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d{1,9}))?)?(?<offset>[Zz]|[+-]\d{2}(?::?\d{2})?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
