namespace NakamuraMisaki.Infrastructure.Slack;

/// <summary>The "Slack" configuration section (env: Slack__BotToken=xoxb-…). The token comes only from configuration.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Bot token (xoxb-…) with the chat:write scope. Unset: no reminders are sent.</summary>
    public string? BotToken { get; set; }

    /// <summary>Slack Web API root; tests point it at a local stand-in.</summary>
    public Uri BaseAddress { get; set; } = new("https://slack.com/api/");

    /// <summary>How long one call may take before it is abandoned (and the reminder retried on a later pass).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);
}
