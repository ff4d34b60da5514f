using System.Globalization;
using NakamuraMisaki.Domain.Handoffs;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Context;

/// <summary>
/// Each item's text as the model reads it: one short English label line, then the stored text verbatim. Times are
/// the user's local time (<c>time_zone</c>). The labels are counted in the budget like the rest (docs/context.md).
/// </summary>
public sealed class ContextTexts(TimeZoneInfo zone)
{
    public static string Message(MessageRole role, string content) => $"{MessageRoleNames.Words.Name(role)}: {content}";

    public string PastMessage(MessageRole role, string content, DateTimeOffset at) =>
        $"Earlier conversation ({Local(at)}) {MessageRoleNames.Words.Name(role)}: {content}";

    public string Note(string category, string content, DateTimeOffset at) => $"Note ({category}, {Local(at)}): {content}";

    public string Task(TaskItem task, IReadOnlyList<string> reasons) =>
        $"Task ({string.Join(", ", reasons.Select(r => r.Replace('_', ' ')))}, due {Local(task.DueAt!.Value)}): {task.Title}"
        + (string.IsNullOrWhiteSpace(task.Description) ? "" : "\n" + task.Description);

    public string Handoff(Handoff handoff) =>
        $"Hand-off from {handoff.FromUserId} ({Local(handoff.HandoffAt)}): {handoff.ProgressNote}\nNext steps: {handoff.NextSteps}";

    private string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
