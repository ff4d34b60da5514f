using System.Text.Json;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions.Messages;

/// <summary>A message to append, as a client sends it. The session gives it its seq and created_at.</summary>
public interface INewSessionMessage
{
    MessageRole? Role { get; }
    string? Content { get; }
    string? SlackTs { get; }
    JsonElement? Metadata { get; }
}

/// <summary>One message of a batch append.</summary>
/// <param name="SlackTs">The Slack message it came from: a second append with the same slack_ts stores nothing.</param>
/// <param name="Metadata">A JSON object kept verbatim; omitted: {}.</param>
public sealed record NewSessionMessage(MessageRole? Role, string? Content, string? SlackTs = null, JsonElement? Metadata = null)
    : INewSessionMessage;
