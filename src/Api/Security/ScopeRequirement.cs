using Microsoft.AspNetCore.Authorization;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// The scopes an endpoint needs, as endpoint metadata that is also an authorization requirement: the authorization
/// middleware checks it (<see cref="ScopeAuthorizationHandler"/>) and the OpenAPI document states it
/// (<see cref="OpenApiSecurity"/>), both reading the same object. Declared once, on a route group or an endpoint, with
/// <see cref="ScopeEndpoints.RequireScopes{TBuilder}(TBuilder, ScopeRequirement)"/>; several on one endpoint all apply.
/// </summary>
public sealed class ScopeRequirement(ApiScopes read, ApiScopes write) : IAuthorizationRequirement, IAuthorizationRequirementData
{
    public static readonly ScopeRequirement Tasks = new(ApiScopes.TasksRead, ApiScopes.TasksWrite);
    public static readonly ScopeRequirement Handoffs = new(ApiScopes.HandoffsRead, ApiScopes.HandoffsWrite);
    public static readonly ScopeRequirement Notes = new(ApiScopes.NotesRead, ApiScopes.NotesWrite);
    public static readonly ScopeRequirement Sessions = new(ApiScopes.SessionsRead, ApiScopes.SessionsWrite);
    public static readonly ScopeRequirement AgentTasks = new(ApiScopes.AgentTasksRead, ApiScopes.AgentTasksWrite);
    public static readonly ScopeRequirement Maintenance = new(ApiScopes.Maintenance, ApiScopes.Maintenance);

    /// <summary>All of <paramref name="scopes"/>, whatever the method (an operation that reads several kinds).</summary>
    public static ScopeRequirement AllOf(ApiScopes scopes) => new(scopes, scopes);

    /// <summary>The scopes a request with <paramref name="method"/> needs: the read scope for GET and HEAD.</summary>
    public ApiScopes For(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? read : write;

    /// <summary>Read once per endpoint: the authorization middleware caches each endpoint's combined policy.</summary>
    public IEnumerable<IAuthorizationRequirement> GetRequirements()
    {
        yield return this;
    }
}

public static class ScopeEndpoints
{
    /// <summary>The endpoints of this builder need <paramref name="scopes"/> (a kind's read or write scope by method).</summary>
    public static TBuilder RequireScopes<TBuilder>(this TBuilder builder, ScopeRequirement scopes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(scopes);

    /// <summary>The endpoints of this builder need every one of <paramref name="scopes"/>, whatever the method.</summary>
    public static TBuilder RequireScopes<TBuilder>(this TBuilder builder, ApiScopes scopes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(ScopeRequirement.AllOf(scopes));
}
