using NakamuraMisaki.Application.Common.Interfaces;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// The Slack user a request acts for, sent by the bot in the <see cref="Header"/> header. Read as sent: the validation
/// step refuses a user-scoped request whose value is missing or not one Slack user id (two headers read as "a,b").
/// A singleton over the request's context, so singleton validators can ask too.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : IUser
{
    public const string Header = "X-Slack-User-Id";

    public string? Id => accessor.HttpContext?.Request.Headers[Header] is { Count: > 0 } value ? value.ToString() : null;
}
