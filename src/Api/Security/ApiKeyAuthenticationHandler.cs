using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Api.ErrorHandling;
using NakamuraMisaki.Application.Audit;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// `Authorization: Bearer &lt;key&gt;`. The authenticated identity is the key's <see cref="ApiKeyIdentity"/>: its client
/// name and scopes. Every 401 is counted, as client "unknown" (no key, or a key matching none), and audited per minute
/// with the remote address.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyStore keys, AuthRejectionMetrics rejections,
    AuthenticationFailureTally refusals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The client name of a request whose key is missing or matches no configured key.</summary>
    public const string UnknownClient = "unknown";

    private const string Bearer = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(keys.Find(header.AsSpan(Bearer.Length).Trim()) is { } principal
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName))
            : AuthenticateResult.Fail("Unknown API key."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        rejections.Record(UnknownClient, StatusCodes.Status401Unauthorized);
        refusals.Record(AuditOperations.Unauthenticated, UnknownClient, Context.Connection.RemoteIpAddress?.ToString());
        Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.WriteAsync(Context, Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized",
            "Send a valid API key as 'Authorization: Bearer <key>'."));
    }
}
