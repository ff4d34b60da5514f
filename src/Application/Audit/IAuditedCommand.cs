namespace NakamuraMisaki.Application.Audit;

/// <summary>
/// A command the audit trail records, once, through <see cref="AuditBehaviour{TMessage,TResponse}"/>: every delete and
/// every maintenance pass. Its response (when not Unit) is the event's details.
/// </summary>
public interface IAuditedCommand
{
    string AuditOperation { get; }

    string? AuditResourceId { get; }

    /// <summary>
    /// True (the default) when the command's change is one transaction: the event is written in it, so it exists if
    /// and only if the change committed. A pass of many transactions (re-embedding) records its event when it ends.
    /// </summary>
    bool AuditedInOneTransaction => true;
}
