namespace NakamuraMisaki.Application.Common.Interfaces;

/// <summary>
/// The Slack user the current request acts for (the Api reads it from the request; a background job acts for no
/// one). Handlers of an <see cref="Security.IActingUserRequest"/> read it here instead of taking it as a parameter.
/// </summary>
public interface IUser
{
    /// <summary>The id as the request named it, unchecked; null when it names no one.</summary>
    string? Id { get; }
}

public static class UserExtensions
{
    /// <summary>
    /// The acting user's id, for handlers of an <see cref="Security.IActingUserRequest"/>: the validation step has
    /// already refused such a request when the id is missing or not a Slack user id.
    /// </summary>
    public static string ActingId(this IUser user) =>
        user.Id ?? throw new InvalidOperationException("An acting-user request reached its handler without an acting user.");
}

/// <summary>Whom a request acts for outside an HTTP request (jobs, the importer): no one.</summary>
internal sealed class NoActingUser : IUser
{
    public string? Id => null;
}
