namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>
/// The one piece of state the reminder use case keeps across passes, per instance (a singleton): the end of the
/// recipient service's rate limit, before which this instance sends nothing.
/// </summary>
public sealed class ReminderRateLimit
{
    private long _untilUtcTicks;

    public bool Holds(DateTimeOffset now) => now.UtcTicks < Interlocked.Read(ref _untilUtcTicks);

    public void Until(DateTimeOffset until) => Interlocked.Exchange(ref _untilUtcTicks, until.UtcTicks);
}
