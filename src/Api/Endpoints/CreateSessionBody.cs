using System.Text.Json;
using NakamuraMisaki.Application.Sessions.Commands.CreateSession;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>The owner is the acting user (X-Slack-User-Id), so the body does not name one.</summary>
/// <param name="SessionId">Omitted: a new UUID.</param>
/// <param name="Title">Omitted or blank: "Session MM/DD HH:MM" (Tokyo time).</param>
/// <param name="Options">A JSON object (the old claude_options); omitted: {}.</param>
public sealed record CreateSessionBody(string? SessionId, string? Title, string? WorkspacePath, JsonElement? Options)
{
    internal CreateSession ToCommand() => new(SessionId, Title, WorkspacePath, Options);
}
