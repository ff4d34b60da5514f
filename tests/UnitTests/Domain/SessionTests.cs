using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.UnitTests.Domain;

public sealed class SessionTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 15, 30, 0, TimeSpan.Zero); // 00:30 on Jan 1 in Tokyo

    [Fact]
    public void The_default_title_is_written_in_the_configured_zone()
    {
        Assert.Equal("Session 01/01 00:30", SessionTitle.Default(Now, Tokyo));
        Assert.Equal("Session 12/31 15:30", SessionTitle.Default(Now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_new_session_is_active_empty_and_titled_by_default()
    {
        var session = Session.Create("s1", "U1", "  ", null, null, Now, Tokyo);

        Assert.Equal(("Session 01/01 00:30", true, 0, "{}"), (session.Title, session.IsActive, session.MessageCount, session.Options));
        Assert.Equal((Now, Now), (session.CreatedAt, session.LastActive));
    }

    [Fact]
    public void An_explicit_title_wins()
    {
        Assert.Equal("移行の相談", Session.Create("s1", "U1", "移行の相談", null, null, Now, Tokyo).Title);
    }

    [Fact]
    public void The_idle_cutoff_is_now_minus_the_idle_time()
    {
        Assert.Equal(Now.AddHours(-24), Session.IdleCutoff(Now, TimeSpan.FromHours(24)));
    }
}
