namespace NakamuraMisaki.Domain.Common;

public static class Timestamps
{
    /// <summary>
    /// PostgreSQL's timestamptz keeps microseconds and Npgsql writes only UTC offsets, so every instant the domain
    /// stores is normalised here: what a client reads back is exactly what was stored.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public static DateTimeOffset? Normalize(DateTimeOffset? value) => value is { } v ? Normalize(v) : null;
}
