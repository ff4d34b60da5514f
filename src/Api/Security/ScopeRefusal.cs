using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using NakamuraMisaki.Application.Audit;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Answers an authenticated request whose key lacks a scope: 403 problem details naming each missing scope (also as
/// <c>missing_scopes</c>), counted by client and audited per minute (a job writes the tally). Nothing else changes: the
/// endpoint never ran. Anything else (a challenge,
/// success) is the framework's.
/// </summary>
internal sealed class ScopeRefusal(
    IProblemDetailsService problemDetails, AuthRejectionMetrics rejections, AuthenticationFailureTally refusals)
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
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = $"This API key lacks the scope {string.Join(" and ", missing.Select(s => $"'{s}'"))} this operation requires.",
                Extensions = { ["missing_scopes"] = missing },
            },
        });
    }
}
