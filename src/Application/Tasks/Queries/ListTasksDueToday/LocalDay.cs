namespace NakamuraMisaki.Application.Tasks.Queries.ListTasksDueToday;

/// <summary>A user's local calendar day as UTC bounds [<see cref="Start"/>, <see cref="End"/>).</summary>
public readonly record struct LocalDay(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>
    /// The UTC bounds [start, end) of the local calendar day that contains <paramref name="instant"/>. Computed from
    /// the zone's offset at each midnight, so days of 23 or 25 hours (DST changes) are right too.
    /// </summary>
    public static LocalDay Containing(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var localDate = TimeZoneInfo.ConvertTime(instant, zone).Date;
        return new LocalDay(StartOf(localDate, zone), StartOf(localDate.AddDays(1), zone));
    }

    /// <summary>Whether <paramref name="instant"/> falls on this day (the bounds ITaskRepository.ListOpenDueBetweenAsync takes).</summary>
    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;

    private static DateTimeOffset StartOf(DateTime localMidnight, TimeZoneInfo zone)
    {
        // A midnight skipped by a DST jump does not exist; the day then starts at the first valid local time.
        var local = DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
