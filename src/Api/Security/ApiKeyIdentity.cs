using System.Security.Claims;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Who a request's key belongs to (its client, the identity's Name) and what the key may do. Built once per configured
/// key and shared by every request that presents it: reading the scopes costs no claim lookup and no allocation.
/// </summary>
public sealed class ApiKeyIdentity(string client, ApiScopes scopes)
    : ClaimsIdentity([new Claim(ClaimTypes.Name, client)], ApiKeyAuthenticationHandler.SchemeName)
{
    public string Client { get; } = client;

    public ApiScopes Scopes { get; } = scopes;

    /// <summary>The scopes of the request's key; none for a request without one.</summary>
    public static ApiScopes Of(ClaimsPrincipal user) => user.Identity is ApiKeyIdentity key ? key.Scopes : ApiScopes.None;
}
