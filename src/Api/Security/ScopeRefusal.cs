using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using NakamuraMisaki.Api.ErrorHandling;
using NakamuraMisaki.Application.Audit;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Answers an authenticated request whose key lacks a scope: 403 problem details naming each missing scope (also as
/// <c>missing_scopes</c>), counted by client and audited per minute (a job writes the tally). Nothing else changes: the
/// endpoint never ran. Anything else (a challenge,
/// success) is the framework's.
/// </summary>
internal sealed class ScopeRefusal(
    AuthRejectionMetrics rejections, AuthenticationFailureTally refusals)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(
        RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || context.User.Identity is not ApiKeyIdentity key)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var missing = ScopeAuthorizationHandler.Missing(
            context, authorizeResult.AuthorizationFailure?.FailedRequirements ?? policy.Requirements);
        rejections.Record(key.Client, StatusCodes.Status403Forbidden);
        refusals.Record(AuditOperations.Forbidden, key.Client, context.Connection.RemoteIpAddress?.ToString());
        var problem = Problems.Of(StatusCodes.Status403Forbidden, "Forbidden",
            $"This API key lacks the scope {string.Join(" and ", missing.Select(s => $"'{s}'"))} this operation requires.");
        problem.Extensions["missing_scopes"] = missing;
        await Problems.WriteAsync(context, problem);
    }
}
