using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

namespace NakamuraMisaki.Infrastructure.Slack;

/// <summary>
/// What a chat.postMessage error code means for the reminder (https://api.slack.com/methods/chat.postMessage#errors).
/// Codes not listed are treated as transient: a back-off caps what an unknown code can cost, whereas giving up on a
/// code that was in fact temporary would lose the reminder.
/// </summary>
internal static class SlackErrorClasses
{
    /// <summary>The bot's own token or its grants: no message to anyone can go out until configuration changes.</summary>
    private static readonly HashSet<string> Unauthorized = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "token_revoked", "token_expired", "not_allowed_token_type", "missing_scope",
        "no_permission", "team_access_not_granted", "ekm_access_denied",
        // For a bot token Slack means the bot's user or the workspace is deleted (the recipient's is user_not_found).
        "account_inactive",
    };

    /// <summary>This recipient or this message can never be delivered: retrying only repeats the refusal.</summary>
    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "channel_not_found", "user_not_found", "user_disabled", "is_archived", "not_in_channel", "cannot_dm_bot",
        "messages_tab_disabled", "restricted_action", "restricted_action_read_only_channel",
        "restricted_action_thread_only_channel", "restricted_action_non_threadable_channel", "msg_too_long", "no_text",
        "invalid_blocks", "invalid_arguments", "too_many_attachments",
    };

    public static ReminderOutcome Classify(string error) =>
        Unauthorized.Contains(error) ? ReminderOutcome.Unauthorized
        : Permanent.Contains(error) ? ReminderOutcome.Permanent
        : ReminderOutcome.Transient;

    /// <summary>401/403 without a JSON body (a proxy, or Slack refusing the token at the door) are auth failures too.</summary>
    public static ReminderOutcome ClassifyStatus(int status) =>
        status is 401 or 403 ? ReminderOutcome.Unauthorized : ReminderOutcome.Transient;
}
