using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Handoffs;
using NakamuraMisaki.Application.Notes.Queries.SearchNotes;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Application.Sessions.Messages.Queries.SearchSessionMessages;
using NakamuraMisaki.Application.Tasks;
using NakamuraMisaki.Application.Tasks.Queries.ListTasksDueToday;
using static NakamuraMisaki.Application.Context.ContextItemKind;

namespace NakamuraMisaki.Application.Context;

/// <summary>
/// The candidates of each kind, one read each (a search may make its own few), through the services that already own
/// each rule: note search (hybrid), message search (the lexical engine), the session's tail, open tasks by due time,
/// pending hand-offs. Each reads only what the acting user may see.
/// </summary>
public sealed class ContextSources(
    ISender sender, ISessionMessageReader messages, ITaskRepository tasks, IHandoffRepository handoffs)
{
    /// <summary>The session's last <paramref name="count"/> messages, newest first; 404 when the user has no such session.</summary>
    public async Task<IReadOnlyList<ContextCandidate>> RecentAsync(
        string userId, string sessionId, int count, CancellationToken cancellationToken)
    {
        var last = await messages.ListLastAsync(sessionId, userId, count, cancellationToken)
                   ?? throw new NotFoundException("Session", sessionId);
        return last.Reverse()
            .Select(m => Message(m.SessionId, m.Seq, ContextTexts.Message(m.Role, m.Content), ContextScores.Recent,
                [ContextReasons.Recent], [], m.CreatedAt, ContextItemKind.Message))
            .ToArray();
    }

    public async Task<IReadOnlyList<ContextCandidate>> NotesAsync(
        string query, int limit, ContextTexts texts, CancellationToken cancellationToken)
    {
        var found = await sender.Send(new SearchNotes(query, limit, Category: null), cancellationToken);
        // Without the embedding service the search answers by text with lexical scores: ranked as text-only hits.
        return found.Items.Select((n, i) => new ContextCandidate(
                Note, n.Id.ToString(), $"notes/{n.Id}", texts.Note(n.Category, n.Content, n.CreatedAt),
                found.Mode == SearchMode.Hybrid ? n.Score : ContextScores.TextRank(i + 1), [ContextReasons.Matched],
                n.MatchedBy, n.CreatedAt))
            .ToArray();
    }

    /// <summary>Messages of any of the user's sessions matching the query, best first, leaving out <paramref name="recent"/>.</summary>
    public async Task<IReadOnlyList<ContextCandidate>> PastMessagesAsync(
        string query, int limit, IReadOnlyList<ContextCandidate> recent, ContextTexts texts,
        CancellationToken cancellationToken)
    {
        var window = recent.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var fetch = Math.Min(limit + window.Count, SearchSessionMessages.MaxLimit);
        var found = await sender.Send(new SearchSessionMessages(query, SessionId: null, fetch), cancellationToken);
        return found.Items.Where(m => !window.Contains(MessageId(m.SessionId, m.Seq)))
            .Take(limit)
            .Select((m, i) => Message(m.SessionId, m.Seq, texts.PastMessage(m.Role, m.Content, m.CreatedAt),
                ContextScores.TextRank(i + 1), [ContextReasons.Matched], [ReciprocalRankFusion.TextSide], m.CreatedAt,
                PastMessage))
            .ToArray();
    }

    /// <summary>The user's open tasks that are overdue or due during their <paramref name="day"/>, most overdue first.</summary>
    public async Task<IReadOnlyList<ContextCandidate>> TasksAsync(
        string userId, int limit, LocalDay day, DateTimeOffset now, ContextTexts texts, CancellationToken cancellationToken)
    {
        var due = await tasks.ListOpenDueBeforeAsync(userId, day.End, limit, userId, cancellationToken);
        return due.Select(t =>
            {
                string[] reasons = [.. t.IsOverdueAt(now) ? [ContextReasons.Overdue] : Array.Empty<string>(),
                    .. day.Contains(t.DueAt!.Value) ? [ContextReasons.DueToday] : Array.Empty<string>()];
                return new ContextCandidate(ContextItemKind.Task, t.Id.ToString(), $"tasks/{t.Id}", texts.Task(t, reasons),
                    ContextScores.Urgency(t.DueAt.Value, now), reasons, [], t.DueAt.Value);
            })
            .Where(c => c.Reasons.Count > 0)
            .ToArray();
    }

    /// <summary>Hand-offs to the user not completed yet, earliest hand-over first.</summary>
    public async Task<IReadOnlyList<ContextCandidate>> HandoffsAsync(
        string userId, int limit, DateTimeOffset now, ContextTexts texts, CancellationToken cancellationToken)
    {
        var pending = await handoffs.TakePendingForRecipientAsync(userId, limit, userId, cancellationToken);
        return pending.Select(h => new ContextCandidate(
                Handoff, h.Id.ToString(), $"handoffs/{h.Id}", texts.Handoff(h), ContextScores.Urgency(h.HandoffAt, now),
                [ContextReasons.WaitingOnYou], [], h.HandoffAt))
            .ToArray();
    }

    private static string MessageId(string sessionId, long seq) => $"{sessionId}/{seq}";

    private static ContextCandidate Message(
        string sessionId, long seq, string text, double score, IReadOnlyList<string> reasons,
        IReadOnlyList<string> matchedBy, DateTimeOffset at, ContextItemKind kind) =>
        new(kind, MessageId(sessionId, seq), $"sessions/{sessionId}/messages/{seq}", text, score, reasons, matchedBy, at);
}
