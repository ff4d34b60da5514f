using System.Text.Json;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Application.Sessions.Messages.Commands.AppendSessionMessages;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>
/// POST /api/v1/sessions/{session_id}/messages. The session gives the message its <c>seq</c> and <c>created_at</c>:
/// either in the body is an unknown field (400).
/// </summary>
/// <param name="SlackTs">The Slack message it came from: an append with a slack_ts the session stores adds nothing.</param>
/// <param name="Metadata">A JSON object kept verbatim; omitted: {}.</param>
public sealed record AppendSessionMessageBody(MessageRole? Role, string? Content, string? SlackTs = null, JsonElement? Metadata = null)
{
    internal AppendSessionMessage ToCommand(string sessionId) => new(sessionId, Role, Content, SlackTs, Metadata);
}

/// <summary>POST /api/v1/sessions/{session_id}/messages/batch: 1-1,000 messages, stored all or none.</summary>
public sealed record AppendSessionMessagesBody(IReadOnlyList<NewSessionMessage?>? Messages)
{
    internal AppendSessionMessages ToCommand(string sessionId) => new(sessionId, Messages);
}
