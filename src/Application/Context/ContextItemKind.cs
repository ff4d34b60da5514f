using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Application.Context;

/// <summary>What a context item is. The API spells them in snake_case: <c>past_message</c>.</summary>
public enum ContextItemKind
{
    /// <summary>One of the session's most recent messages.</summary>
    Message,

    /// <summary>An open task of the acting user that is overdue or due during their day.</summary>
    Task,

    /// <summary>A hand-off to the acting user that is not completed.</summary>
    Handoff,

    /// <summary>A note of the acting user that matches the query.</summary>
    Note,

    /// <summary>A message of any of the acting user's sessions that matches the query (outside the recent window).</summary>
    PastMessage,
}

/// <summary>The kinds' words: <c>include</c>, the items' <c>kind</c> in JSON and the document alike.</summary>
public static class ContextItemKinds
{
    public static readonly EnumWords<ContextItemKind> Words = new("context item kind",
        (ContextItemKind.Message, "message"),
        (ContextItemKind.Task, "task"),
        (ContextItemKind.Handoff, "handoff"),
        (ContextItemKind.Note, "note"),
        (ContextItemKind.PastMessage, "past_message"));

    /// <summary>Absent <c>include</c>: every kind.</summary>
    public static IReadOnlySet<ContextItemKind> Parse(IReadOnlyList<string>? names) =>
        names is null ? Enum.GetValues<ContextItemKind>().ToHashSet() : names.Select(Words.Parse).ToHashSet();
}

/// <summary>Why an item was chosen.</summary>
public static class ContextReasons
{
    public const string Recent = "recent";
    public const string Matched = "matched";
    public const string Overdue = "overdue";
    public const string DueToday = "due_today";
    public const string WaitingOnYou = "waiting_on_you";
}
