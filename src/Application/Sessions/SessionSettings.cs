using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Sessions;

/// <summary>The "Sessions" configuration section (bound and validated at startup by Infrastructure).</summary>
public sealed class SessionSettings
{
    public const string Section = "Sessions";

    /// <summary>
    /// IANA zone in which default titles ("Session MM/DD HH:MM") are written. Asia/Tokyo: the team reads them in
    /// Japan, and the old bot wrote them in the server's local time, which was Japan's.
    /// </summary>
    public string TitleTimeZone { get; set; } = TimeZoneRules.DefaultTimeZone;
}
