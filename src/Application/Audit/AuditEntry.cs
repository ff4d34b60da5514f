namespace NakamuraMisaki.Application.Audit;

/// <summary>
/// What an audit event says, before the trail adds the time and, unless given here, the caller (API client and acting
/// user of the request; <see cref="AuditClients.System"/> outside one). <paramref name="Details"/> is serialised as
/// JSON (a pass's counts).
/// </summary>
public sealed record AuditEntry(
    string Operation, string? ResourceId, string Outcome, object? Details = null,
    string? Client = null, string? ActingUser = null, string? RemoteAddress = null, int Count = 1);

/// <summary>The outcomes an event records.</summary>
public static class AuditOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Refused = "refused";
}

/// <summary>Who acted when no API key did.</summary>
public static class AuditClients
{
    public const string System = "system";
    public const string CommandLine = "command-line";
}

/// <summary>The one list of operation names the trail records (and the audit list filters by).</summary>
public static class AuditOperations
{
    public const string DeleteTask = "task.delete";
    public const string DeleteHandoff = "handoff.delete";
    public const string DeleteNote = "note.delete";
    public const string DeleteAgentTask = "agent_task.delete";
    public const string DeleteSessionHistory = "session.messages.delete";
    public const string TrimSessionHistory = "session.messages.trim";
    public const string ReEmbedNotes = "notes.re_embed";
    public const string ExpireIdleSessions = "sessions.expire_idle";
    public const string DeleteInactiveSessions = "sessions.delete_inactive";
    public const string AuditRetention = "audit.retention";
    public const string Unauthenticated = "auth.unauthenticated";
    public const string Forbidden = "auth.forbidden";
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string Import = "import";
    public const string Export = "export";
}
