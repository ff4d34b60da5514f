using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

public sealed class SessionCleanupTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Expiry_deactivates_sessions_idle_for_more_than_24_hours_by_default()
    {
        await Client.CreateSessionAsync("idle-25h");
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        await Client.CreateSessionAsync("idle-24h");
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        await Client.CreateSessionAsync("idle-23h");
        Factory.Clock.Advance(TimeSpan.FromHours(23));

        var result = await Client.PostJsonAsync($"{Route}/expire-idle");

        Assert.Equal(1, result.GetProperty("expired").GetInt32());
        Assert.Equal(["idle-23h", "idle-24h"], (await Client.GetJsonAsync($"{Route}?active=true")).SessionIds());
        Assert.Equal(0, (await Client.PostJsonAsync($"{Route}/expire-idle")).GetProperty("expired").GetInt32());
    }

    [Fact]
    public async Task Expiry_takes_the_idle_hours_as_a_parameter()
    {
        await Client.CreateSessionAsync("idle-3h");
        await Client.CreateSessionAsync("bobs-idle-3h", user: Bob);
        Factory.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, (await Client.PostJsonAsync($"{Route}/expire-idle?hours=3")).GetProperty("expired").GetInt32());
        Assert.Equal(2, (await Client.PostJsonAsync($"{Route}/expire-idle?hours=2")).GetProperty("expired").GetInt32());
    }

    [Fact]
    public async Task Deletion_removes_sessions_idle_for_more_than_30_days_and_counts_them()
    {
        await Client.CreateSessionAsync("idle-31d");
        await Client.CreateSessionAsync("bobs-idle-31d", user: Bob);
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        await Client.CreateSessionAsync("idle-29d");
        Factory.Clock.Advance(TimeSpan.FromDays(29));

        var result = await Client.PostJsonAsync($"{Route}/delete-inactive");

        Assert.Equal(2, result.GetProperty("deleted").GetInt32());
        Assert.Equal(["idle-29d"], (await Client.GetJsonAsync(Route)).SessionIds());
        Assert.Equal(1, (await Client.PostJsonAsync($"{Route}/delete-inactive?days=28")).GetProperty("deleted").GetInt32());
    }
}
