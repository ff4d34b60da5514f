using Microsoft.AspNetCore.Authorization;

namespace NakamuraMisaki.Api.Security;

/// <summary>Met when the request's key holds every scope the requirement asks of the request's method: one AND.</summary>
internal sealed class ScopeAuthorizationHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.Resource is HttpContext http)
        {
            var needed = requirement.For(http.Request.Method);
            if ((ApiKeyIdentity.Of(context.User) & needed) == needed && context.User.Identity?.IsAuthenticated == true)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The scopes of <paramref name="failed"/> that the request's key lacks, by name.</summary>
    public static IReadOnlyList<string> Missing(HttpContext http, IEnumerable<IAuthorizationRequirement> failed) =>
        ApiScopeNames.Of(failed.OfType<ScopeRequirement>()
            .Aggregate(ApiScopes.None, (missing, r) => missing | r.For(http.Request.Method)) & ~ApiKeyIdentity.Of(http.User));
}
