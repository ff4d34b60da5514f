namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>
/// Per instance (a singleton): set when the recipient's service refuses this instance's own credentials
/// (invalid_auth, token_revoked, …). No send can work until the token is fixed, which takes a configuration change
/// and a restart, so the halt lasts for the life of the process; readiness reports it as the Slack side degraded.
/// </summary>
public sealed class ReminderSendingHalt
{
    private volatile Reason? _reason;

    public bool IsHalted => _reason is not null;

    /// <summary>The error code that stopped sending and when; null while sending.</summary>
    public (string Error, DateTimeOffset Since)? Current => _reason is { } r ? (r.Error, r.Since) : null;

    public void Halt(string error, DateTimeOffset now) => _reason ??= new Reason(error, now);

    private sealed record Reason(string Error, DateTimeOffset Since);
}
