using NakamuraMisaki.Application.Common.Interfaces;

namespace NakamuraMisaki.Api.Security;

/// <summary>The request's API client: the client name configured with its key (the audit trail's "client").</summary>
internal sealed class CurrentApiClient(IHttpContextAccessor accessor) : IApiClient
{
    public string? Name => accessor.HttpContext?.User.Identity is ApiKeyIdentity key ? key.Client : null;
}
