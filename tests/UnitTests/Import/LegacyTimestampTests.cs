using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.UnitTests.Import;

public sealed class LegacyTimestampTests
{
    [Theory]
    [InlineData("2024-01-05T10:00:00", "2024-01-05T10:00:00.0000000+00:00")]
    [InlineData("2024-01-05 10:00:00", "2024-01-05T10:00:00.0000000+00:00")]
    [InlineData("2024-01-05T10:00", "2024-01-05T10:00:00.0000000+00:00")]
    [InlineData("  2024-01-05T10:00:00Z ", "2024-01-05T10:00:00.0000000+00:00")]
    [InlineData("2024-01-05T19:00:00+09:00", "2024-01-05T10:00:00.0000000+00:00")]
    [InlineData("2024-01-05T19:00:00+0900", "2024-01-05T10:00:00.0000000+00:00")]
    [InlineData("2024-01-05T19:00:00+09", "2024-01-05T10:00:00.0000000+00:00")]
    [InlineData("2024-01-05T08:30:00-01:30", "2024-01-05T10:00:00.0000000+00:00")]
    [InlineData("2024-01-05T10:00:00.5", "2024-01-05T10:00:00.5000000+00:00")]
    [InlineData("2024-01-05 10:00:00.123456", "2024-01-05T10:00:00.1234560+00:00")]
    [InlineData("2024-01-05T10:00:00.123456789Z", "2024-01-05T10:00:00.1234560+00:00")] // beyond microseconds: truncated
    [InlineData("2024-01-05T10:00:00,25", "2024-01-05T10:00:00.2500000+00:00")]
    public void Accepted_forms_give_the_instant_in_utc_to_the_microsecond(string text, string expected)
    {
        var parsed = LegacyTimestamp.Parse(text);

        Assert.Equal(expected, parsed.ToString("O"));
    }

    [Theory]
    [InlineData("2024-01-05")]
    [InlineData("05/01/2024 10:00")]
    [InlineData("Jan 5 2024 10:00")]
    [InlineData("2024-02-30T10:00:00")]
    [InlineData("2024-01-05T24:00:00")]
    [InlineData("2024-01-05T10:00:60")]
    [InlineData("2024-01-05T10:00:00+15:00")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Other_forms_are_refused_not_guessed(string text)
    {
        Assert.Throws<InvalidLegacyRecordException>(() => LegacyTimestamp.Parse(text));
    }

    [Fact]
    public void Numbers_are_unix_seconds()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 10, 0, 0, 500, TimeSpan.Zero), LegacyTimestamp.FromUnixSeconds(1704448800.5));
        Assert.Throws<InvalidLegacyRecordException>(() => LegacyTimestamp.FromUnixSeconds(1704448800000)); // milliseconds
        Assert.Throws<InvalidLegacyRecordException>(() => LegacyTimestamp.FromUnixSeconds(-1));
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 10, 0, 0, TimeSpan.Zero), LegacyTimestamp.Parse("1704448800"));
    }
}
