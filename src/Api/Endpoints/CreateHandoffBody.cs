using NakamuraMisaki.Application.Handoffs.Commands.CreateHandoff;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>The sender is the acting user (X-Slack-User-Id), so the body does not name one.</summary>
/// <param name="HandoffAt">When the hand-over happens; omitted means now.</param>
public sealed record CreateHandoffBody(
    Guid? TaskId, string ToUserId, string ProgressNote, string NextSteps, DateTimeOffset? HandoffAt)
{
    internal CreateHandoff ToCommand() =>
        new(TaskId, ToUserId, ProgressNote, NextSteps, HandoffAt);
}
