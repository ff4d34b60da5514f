using NakamuraMisaki.Domain.Handoffs;

namespace NakamuraMisaki.Application.Handoffs;

public sealed record HandoffResponse(
    Guid Id,
    Guid? TaskId,
    string FromUserId,
    string ToUserId,
    string ProgressNote,
    string NextSteps,
    DateTimeOffset HandoffAt,
    HandoffStatus Status,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt)
{
    public static HandoffResponse From(Handoff h) => new(
        h.Id, h.TaskId, h.FromUserId, h.ToUserId, h.ProgressNote, h.NextSteps, h.HandoffAt, h.Status, h.RemindedAt,
        h.AcceptedAt, h.CompletedAt, h.CreatedAt);
}
