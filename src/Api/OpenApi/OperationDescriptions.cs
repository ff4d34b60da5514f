using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NakamuraMisaki.Api.OpenApi;

/// <summary>
/// Each operation's summary and description, by operation id: who may call it, what it changes, and what its 409/412
/// mean. Kept in one table (not on each Map line) so a client developer reads them together; an operation missing here
/// fails the linters of scripts/test.sh (Redocly requires a summary).
/// </summary>
internal sealed class OperationDescriptions : IOpenApiOperationTransformer
{
    private const string Visible = "A key with the scope in `security`, acting for the user in X-Slack-User-Id; ";
    private const string Stale = " 412: If-Match names a version the resource is no longer at (re-read, re-apply); nothing written.";
    private const string Maintenance = "A key with the `maintenance` scope; acts for no user (maintenance over everyone's data). Recorded in the audit trail with its counts. ";
    private const string Agent = "A key with the scope in `security` (the coding agent's). ";

    private static readonly Dictionary<string, (string Summary, string Description)> Operations = new()
    {
        ["CreateTask"] = ("Create a task", Visible + "the acting user becomes the creator. Creates a pending task; 201 with Location and ETag."),
        ["ListTasksByAssignee"] = ("List an assignee's tasks", Visible + "lists the tasks of `assignee` (default: the acting user) that the acting user may see, due date ascending (undated last). Changes nothing."),
        ["ListTasksDueToday"] = ("List tasks due today", Visible + "open tasks due during the user's local day in `tz`. Changes nothing."),
        ["ListOverdueTasks"] = ("List overdue tasks", Visible + "open tasks past due, most overdue first. Changes nothing."),
        ["ListStaleTasks"] = ("List stale tasks", Visible + "in-progress tasks not updated for `days` days. Changes nothing."),
        ["FindTasks"] = ("Find tasks by id or title", Visible + "the acting user's tasks whose id or title contains `q` (case-insensitive). Changes nothing."),
        ["GetTask"] = ("Get a task", Visible + "its assignee or creator; anyone else gets 404. ETag carries its version."),
        ["UpdateTask"] = ("Change a task", Visible + "its assignee or creator. JSON Merge Patch of title, description, due_at, assignee_user_id (absent = unchanged, null = cleared)." + Stale),
        ["DeleteTask"] = ("Delete a task", Visible + "its assignee or creator. Deletes it; hand-offs that linked it keep existing without task_id." + Stale),
        ["StartTask"] = ("Start a task", Visible + "its assignee or creator. pending → in_progress. 409: the task is not pending." + Stale),
        ["CompleteTask"] = ("Complete a task", Visible + "its assignee or creator. pending or in_progress → completed, sets completed_at. 409: already completed or cancelled." + Stale),
        ["CancelTask"] = ("Cancel a task", Visible + "its assignee or creator. pending or in_progress → cancelled. 409: already completed or cancelled." + Stale),
        ["RegisterAgentTask"] = ("Register or resume an agent run", Agent + "A new uuid creates a running run (201); a stopped run resumes (200); the same process registering its running run again changes nothing (200). 409: a running run of another process, a completed or failed run, or the uuid of another issue. 412: If-Match given and the run is not at that version, or does not exist."),
        ["ListAgentTasks"] = ("List agent runs", Agent + "Newest first, optionally by status and user. Changes nothing."),
        ["ListAgentTasksByRepository"] = ("List one repository's agent runs", Agent + "Newest first. Changes nothing."),
        ["GetAgentTask"] = ("Get an agent run", Agent + "ETag carries its version."),
        ["UpdateAgentTaskStatus"] = ("End an agent run", Agent + "running → completed, stopped or failed (failed needs error_message), sets completed_at. 409: the run is not running." + Stale),
        ["CompleteAgentTask"] = ("Complete an agent run", Agent + "running → completed, sets completed_at. 409: the run is not running." + Stale),
        ["StopAgentTask"] = ("Stop an agent run", Agent + "running → stopped, sets completed_at; registering the uuid again resumes it. 409: the run is not running." + Stale),
        ["FailAgentTask"] = ("Fail an agent run", Agent + "running → failed with error_message, sets completed_at. 409: the run is not running." + Stale),
        ["AddAgentTaskStatistics"] = ("Add to an agent run's counters", Agent + "Adds the amounts to the run's counters in one atomic update, in any status; parallel reports all count. No If-Match (increments commute)."),
        ["DeleteAgentTask"] = ("Delete an agent run", Agent + "Deletes the run; recorded in the audit trail." + Stale),
        ["ListAuditEvents"] = ("Read the audit trail", "A key with the `maintenance` scope. Newest first: deletes, maintenance passes, restores, imports, exports, backups and refused requests (aggregated per minute). Filter by time, client, user and operation; page with `before_id` = the previous page's `next_before_id`. Changes nothing."),
        ["CreateHandoff"] = ("Hand work to a colleague", Visible + "the acting user is the sender. Creates a pending hand-off (handoff_at defaults to now); its reminder DMs the recipient. 201 with Location and ETag."),
        ["ListPendingHandoffs"] = ("List hand-offs awaiting a recipient", Visible + "what `recipient` (default: the acting user) has not completed, that the acting user may see. Changes nothing."),
        ["ListSentHandoffs"] = ("List hand-offs a sender made", Visible + "what `sender` (default: the acting user) handed off, that the acting user may see. Changes nothing."),
        ["GetHandoff"] = ("Get a hand-off", Visible + "its sender or recipient; anyone else gets 404. ETag carries its version."),
        ["DeleteHandoff"] = ("Delete a hand-off", Visible + "its sender or recipient. Deletes it." + Stale),
        ["AcceptHandoff"] = ("Accept a hand-off", Visible + "its recipient only. pending → accepted, sets accepted_at. 409: the sender accepting, or already accepted or completed." + Stale),
        ["CompleteHandoff"] = ("Complete a hand-off", Visible + "its sender or recipient. pending or accepted → completed, sets completed_at. 409: already completed." + Stale),
        ["SaveNote"] = ("Save a note", Visible + "the acting user owns it. Stores it and its embedding for search; 201 with Location."),
        ["ListUserNotes"] = ("List my notes", Visible + "the acting user's notes, newest first. Changes nothing."),
        ["SearchNotes"] = ("Search my notes", Visible + "the acting user's notes closest in meaning to `q`. Changes nothing."),
        ["ListSessionNotes"] = ("List a session's notes", Visible + "the acting user's notes from that session. Changes nothing."),
        ["GetNote"] = ("Get a note", Visible + "its owner; anyone else gets 404."),
        ["DeleteNote"] = ("Delete a note", Visible + "its owner. Deletes it."),
        ["ReEmbedNotes"] = ("Re-embed notes", Maintenance + "Computes embeddings again for notes of another model or none, in batches."),
        ["CreateSession"] = ("Start a session", Visible + "the acting user owns it. Creates an active session (session_id defaults to a new UUID). 409: that session_id exists already."),
        ["ListSessions"] = ("List my sessions", Visible + "the acting user's sessions, latest activity first. Changes nothing."),
        ["GetLatestSession"] = ("Get my latest session", Visible + "the acting user's most recently active session; 404 when there is none."),
        ["GetSession"] = ("Get a session", Visible + "its owner; anyone else gets 404."),
        ["TouchSession"] = ("Record activity on a session", Visible + "its owner. Sets last_active_at to now and reactivates it."),
        ["ExpireIdleSessions"] = ("Expire idle sessions", Maintenance + "Marks sessions idle for longer than the given time as inactive."),
        ["AppendSessionMessage"] = ("Append a message to a session", Visible + "the session's owner. Appends one message with the next seq (201 with Location); a retry (same slack_ts, or same Idempotency-Key) stores nothing and answers 200 with what is stored. 422: an Idempotency-Key reused for another message."),
        ["AppendSessionMessages"] = ("Append messages to a session", Visible + "the session's owner. Appends 1-1,000 messages, all or none, with consecutive seqs. 422: an Idempotency-Key reused for another batch."),
        ["ListSessionMessages"] = ("Read a session's history", Visible + "the session's owner. Messages in seq order, after a cursor (`after_seq`) or the last N (`last`). Changes nothing."),
        ["GetSessionMessage"] = ("Get one message", Visible + "the session's owner; the message with that seq."),
        ["DeleteSessionHistory"] = ("Delete a session's history", Visible + "the session's owner. Deletes every message; the session stays."),
        ["TrimSessionHistory"] = ("Trim a session's history", Visible + "the session's owner. Deletes the messages before that seq."),
        ["SearchSessionMessages"] = ("Search my conversation history", Visible + "messages of the acting user's sessions whose content matches `q`. Changes nothing."),
        ["GetContext"] = ("Gather the context for a reply", Visible + "the acting user's own messages, notes, tasks and hand-offs only. The session's last messages, then matching notes and earlier messages, overdue and due-today tasks and pending hand-offs, ranked on one scale and cut to `budget_tokens` of the named tokenizer. Changes nothing. 404: `session_id` is not a session of the acting user."),
        ["DeleteInactiveSessions"] = ("Delete inactive sessions", Maintenance + "Deletes sessions inactive for longer than the given time."),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is { } id && Operations.TryGetValue(id, out var text))
        {
            operation.Summary ??= text.Summary;
            operation.Description ??= text.Description;
        }

        return Task.CompletedTask;
    }
}
