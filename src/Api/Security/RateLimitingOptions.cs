namespace NakamuraMisaki.Api.Security;

/// <summary>The "RateLimiting" section: a token bucket per API key (client).</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sustained requests per second per key.</summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>Requests a key may burst above the sustained rate.</summary>
    public int Burst { get; set; } = 400;
}
