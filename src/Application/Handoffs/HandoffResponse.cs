using System.Text.Json.Serialization;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Handoffs;

namespace NakamuraMisaki.Application.Handoffs;

/// <summary>A hand-off as the API shows it. <see cref="Version"/> travels in the ETag header, not in the body.</summary>
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
    DateTimeOffset? ReminderFailedAt,
    string? ReminderError,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore] uint Version) : IVersioned
{
    public static HandoffResponse From(Handoff h) => new(
        h.Id, h.TaskId, h.FromUserId, h.ToUserId, h.ProgressNote, h.NextSteps, h.HandoffAt, h.Status, h.RemindedAt,
        h.ReminderFailedAt, h.ReminderError,
        h.AcceptedAt, h.CompletedAt, h.CreatedAt, h.Version);
}
