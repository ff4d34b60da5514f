using System.Globalization;

namespace NakamuraMisaki.Domain.Sessions;

public static class SessionTitle
{
    /// <summary>
    /// "Session MM/DD HH:MM" as the old bot wrote it, in the given zone: users read it in their local time, so a
    /// session started at 09:30 in Tokyo is "Session 06/15 09:30", not the server's UTC "06/15 00:30".
    /// </summary>
    public static string Default(DateTimeOffset createdAt, TimeZoneInfo zone) =>
        "Session " + TimeZoneInfo.ConvertTime(createdAt, zone).ToString("MM/dd HH:mm", CultureInfo.InvariantCulture);
}
