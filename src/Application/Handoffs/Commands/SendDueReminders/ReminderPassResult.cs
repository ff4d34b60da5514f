namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>What one pass did.</summary>
/// <param name="Sent">Slack answered ok and reminded_at is set.</param>
/// <param name="Failed">Failed transiently; retried after the hand-off's back-off.</param>
/// <param name="Deferred">Not attempted (rate limited, halted, or too little lease left); retried later.</param>
/// <param name="RateLimited">Slack answered 429; this instance sends nothing until its Retry-After has passed.</param>
/// <param name="GaveUp">Failed for good (the recipient cannot be reached); marked failed, never retried.</param>
/// <param name="Halted">Slack refused the bot token; this instance sends nothing more (see ReminderSendingHalt).</param>
public sealed record ReminderPassResult(
    int Sent, int Failed, int Deferred, bool RateLimited, int GaveUp = 0, bool Halted = false)
{
    public static ReminderPassResult Nothing { get; } = new(0, 0, 0, false);

    public static ReminderPassResult WaitingOutRateLimit { get; } = new(0, 0, 0, true);

    public static ReminderPassResult HaltedBefore { get; } = new(0, 0, 0, false, Halted: true);
}
