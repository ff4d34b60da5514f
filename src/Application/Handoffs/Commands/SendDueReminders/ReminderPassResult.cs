namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>What one pass did.</summary>
/// <param name="Sent">Slack answered ok and reminded_at is set.</param>
/// <param name="Failed">Slack refused or could not be reached; retried by the next pass.</param>
/// <param name="Deferred">Not attempted (rate limited, or too little lease left); retried later.</param>
/// <param name="RateLimited">Slack answered 429; this instance sends nothing until its Retry-After has passed.</param>
public sealed record ReminderPassResult(int Sent, int Failed, int Deferred, bool RateLimited)
{
    public static ReminderPassResult Nothing { get; } = new(0, 0, 0, false);

    public static ReminderPassResult WaitingOutRateLimit { get; } = new(0, 0, 0, true);
}
