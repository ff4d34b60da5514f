namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// The service's clock in tests: set and advanced by hand, and set back on reset (FakeTimeProvider refuses to go back).
/// Timers still run on real time; nothing here depends on them.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
