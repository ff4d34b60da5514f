namespace NakamuraMisaki.Infrastructure.Slack;

/// <summary>How Slack answered chat.postMessage: accepted, refused with an error code, or rate limited.</summary>
public sealed record SlackPostResult(bool Ok, string? Error, TimeSpan? RetryAfter)
{
    public static SlackPostResult Accepted { get; } = new(true, null, null);

    public bool IsRateLimited => RetryAfter is not null;

    public static SlackPostResult Failed(string error) => new(false, error, null);

    public static SlackPostResult RateLimited(TimeSpan retryAfter) => new(false, "ratelimited", retryAfter);
}
