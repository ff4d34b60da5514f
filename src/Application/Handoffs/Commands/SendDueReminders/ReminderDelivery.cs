namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>How one send ended: delivered, failed with an error code, or rate limited for <see cref="RetryAfter"/>.</summary>
public sealed record ReminderDelivery(bool Delivered, string? Error, TimeSpan? RetryAfter)
{
    public static ReminderDelivery Accepted { get; } = new(true, null, null);

    public static ReminderDelivery Failed(string error) => new(false, error, null);

    public static ReminderDelivery RateLimited(TimeSpan retryAfter) => new(false, "ratelimited", retryAfter);
}
