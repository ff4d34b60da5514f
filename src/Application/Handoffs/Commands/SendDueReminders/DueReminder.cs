namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>A reminder this instance has claimed and owns until <see cref="ClaimedUntil"/>.</summary>
/// <param name="FailedAttempts">Transient failures so far; sets the back-off after the next one.</param>
public sealed record DueReminder(
    Guid HandoffId,
    string FromUserId,
    string ToUserId,
    string ProgressNote,
    string NextSteps,
    DateTimeOffset HandoffAt,
    string? TaskTitle,
    DateTimeOffset ClaimedUntil,
    int FailedAttempts = 0);
