namespace NakamuraMisaki.Api.Security;

/// <summary>
/// The "Auth" section: API keys as SHA-256 hashes, never the keys themselves.
/// Auth__ApiKeys__0__Client=slack-bot, Auth__ApiKeys__0__Sha256=&lt;64 hex chars&gt;.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    public string Client { get; set; } = "";

    /// <summary>Hex SHA-256 of the key (e.g. `printf %s "$KEY" | sha256sum`).</summary>
    public string Sha256 { get; set; } = "";
}
