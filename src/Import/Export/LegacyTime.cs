using System.Globalization;

namespace NakamuraMisaki.Import.Export;

/// <summary>
/// Instants as the old stores wrote them, Python's <c>isoformat()</c> of an aware UTC datetime
/// (<c>2026-06-15T03:00:00.123456+00:00</c>): to the microsecond, PostgreSQL's precision, so nothing is lost.
/// </summary>
internal static class LegacyTime
{
    public static string Format(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
