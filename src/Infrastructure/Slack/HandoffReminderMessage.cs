using System.Globalization;
using System.Text;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

namespace NakamuraMisaki.Infrastructure.Slack;

/// <summary>The DM the recipient gets, in Slack mrkdwn.</summary>
public static class HandoffReminderMessage
{
    public static string Compose(DueReminder reminder, TimeZoneInfo fallbackZone)
    {
        var text = new StringBuilder()
            .Append(":bell: 引き継ぎのリマインダーです。<@").Append(reminder.FromUserId).Append("> さんからの引き継ぎ（")
            .Append(SlackDate(reminder.HandoffAt, fallbackZone)).Append("）があります。\n");
        if (reminder.TaskTitle is { } title)
        {
            text.Append("*関連タスク:* ").Append(Escape(title)).Append('\n');
        }

        return text
            .Append("*進捗:*\n").Append(Escape(reminder.ProgressNote)).Append('\n')
            .Append("*次にやること:*\n").Append(Escape(reminder.NextSteps))
            .ToString();
    }

    /// <summary>
    /// Slack shows &lt;!date^…&gt; in each reader's own time zone; the text after '|' is for clients that cannot.
    /// </summary>
    private static string SlackDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var fallback = local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;
        return $"<!date^{instant.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|{fallback}>";
    }

    /// <summary>
    /// The three characters Slack asks to escape in message text, so a note cannot turn into a mention such as
    /// &lt;!channel&gt; or a link.
    /// </summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
