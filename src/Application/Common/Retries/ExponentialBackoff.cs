namespace NakamuraMisaki.Application.Common.Retries;

/// <summary>
/// How long a background job leaves one item alone after its n-th failure: <c>first</c>, then twice that, four
/// times … never more than <c>cap</c>. Per item, so one item that keeps failing costs a call per cap at most, not one
/// per pass. Used by the reminder job (per hand-off) and the embedding backfill (per note).
/// </summary>
public static class ExponentialBackoff
{
    /// <param name="failures">Failures that count towards the back-off; none means no wait.</param>
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan cap)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        // 2^20 times the first wait is far beyond any sane cap, and the shift cannot overflow.
        var exponent = Math.Clamp(failures - 1, 0, 20);
        var delay = first * (1L << exponent);
        return delay < cap ? delay : cap;
    }
}
