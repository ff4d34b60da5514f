namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>A reminder this instance has claimed and owns until <see cref="ClaimedUntil"/>.</summary>
public sealed record DueReminder(
    Guid HandoffId,
    string FromUserId,
    string ToUserId,
    string ProgressNote,
    string NextSteps,
    DateTimeOffset HandoffAt,
    string? TaskTitle,
    DateTimeOffset ClaimedUntil);
