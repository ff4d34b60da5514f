using NakamuraMisaki.Application.Tasks.Commands.CreateTask;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>The creator is the acting user (X-Slack-User-Id), so the body does not name one.</summary>
public sealed record CreateTaskBody(string Title, string? Description, string AssigneeUserId, DateTimeOffset? DueAt)
{
    internal CreateTask ToCommand() => new(Title, Description, AssigneeUserId, DueAt);
}
