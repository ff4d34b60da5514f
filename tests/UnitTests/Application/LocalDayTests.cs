using NakamuraMisaki.Application.Tasks.Queries.ListTasksDueToday;

namespace NakamuraMisaki.UnitTests.Application;

public sealed class LocalDayTests
{
    [Fact]
    public void Tokyo_day_runs_from_15_00_utc_to_15_00_utc()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var (start, end) = LocalDay.Containing(new DateTimeOffset(2026, 6, 15, 0, 30, 0, TimeSpan.Zero), zone);
        Assert.Equal(new DateTimeOffset(2026, 6, 14, 15, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 15, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void A_spring_forward_day_is_23_hours_long()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var (start, end) = LocalDay.Containing(new DateTimeOffset(2026, 3, 8, 17, 0, 0, TimeSpan.Zero), zone);
        Assert.Equal(TimeSpan.FromHours(23), end - start);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), start);
    }

    [Fact]
    public void A_day_whose_midnight_is_skipped_starts_at_the_first_valid_local_time()
    {
        // Santiago (Chile) springs forward at 00:00 local: 2026-09-06 00:00 does not exist, the day starts at 01:00 -03.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var (start, _) = LocalDay.Containing(new DateTimeOffset(2026, 9, 6, 18, 0, 0, TimeSpan.Zero), zone);
        Assert.Equal(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), start);
    }
}
