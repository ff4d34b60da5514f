using NakamuraMisaki.Application.Notes.Commands.SaveNote;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>The owner is the acting user (X-Slack-User-Id), so the body does not name one.</summary>
/// <param name="Category">Omitted: <c>general</c>.</param>
/// <param name="SessionId">The conversation the note came from, if any.</param>
public sealed record SaveNoteBody(string Content, string? Category, string? SessionId)
{
    internal SaveNote ToCommand() => new(Content, Category, SessionId);
}
