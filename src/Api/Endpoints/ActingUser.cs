namespace NakamuraMisaki.Api.Endpoints;

/// <summary>
/// The Slack user a request acts for, sent by the bot in this header. User-scoped endpoints (tasks, hand-offs, notes,
/// sessions) require it and show only what that user may see.
/// </summary>
public static class ActingUser
{
    public const string Header = "X-Slack-User-Id";

    /// <summary>The request member that carries it, so validation errors can name the header.</summary>
    public const string RequestMember = "ActingUserId";
}
