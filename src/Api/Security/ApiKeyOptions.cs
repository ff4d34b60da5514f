namespace NakamuraMisaki.Api.Security;

/// <summary>
/// The "Auth" section: API keys as SHA-256 hashes, never the keys themselves, each with its client and scopes.
/// Auth__ApiKeys__0__Client=slack-bot, Auth__ApiKeys__0__Sha256=&lt;64 hex chars&gt;,
/// Auth__ApiKeys__0__Scopes="tasks:read tasks:write". Read through IOptionsMonitor: a change applies without a restart.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>
    /// A JSON file holding an "Auth" section of its own (keys to add or rotate), watched for changes: the way to rotate
    /// keys without a restart when the environment cannot change under a running process.
    /// </summary>
    public string? KeysFile { get; set; }
}

public sealed class ApiKeyEntry
{
    public string Client { get; set; } = "";

    /// <summary>Hex SHA-256 of the key (e.g. `printf %s "$KEY" | sha256sum`).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>
    /// Scope names separated by spaces or commas (<see cref="ApiScopeNames"/>). Unset or empty: every scope, with a
    /// warning at startup naming the client (ADR 0026).
    /// </summary>
    public string? Scopes { get; set; }

    public bool HasScopes => !string.IsNullOrWhiteSpace(Scopes);

    public IEnumerable<string> ScopeNames =>
        (Scopes ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The granted scopes as a bit set; names that are no scope are left out (the validator refuses them).</summary>
    public ApiScopes GrantedScopes => HasScopes
        ? ScopeNames.Aggregate(ApiScopes.None, (granted, name) => granted | (ApiScopeNames.Parse(name) ?? ApiScopes.None))
        : ApiScopes.All;
}
