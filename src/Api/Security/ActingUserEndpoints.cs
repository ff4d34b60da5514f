using NakamuraMisaki.Api.OpenApi;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Marks the endpoints that act for a Slack user, so the OpenAPI document shows their <see cref="CurrentUser.Header"/>
/// header. The check itself is the validation step's (every IActingUserRequest); the isolation tests hold the two to
/// the same endpoints.
/// </summary>
internal static class ActingUserEndpoints
{
    private static readonly MarkedHeader Header = new(
        CurrentUser.Header, Required: true,
        "Slack user id of the user the request acts for (e.g. U0123ABCD); missing or malformed answers 400.",
        MinLength: 1, SlackUserIdRules.MaxLength, SlackUserIdRules.PatternText);

    public static TBuilder ActsForUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Header);
}
