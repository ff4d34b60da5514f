namespace NakamuraMisaki.Api.Security;

/// <summary>The "Limits" section (env: Limits__MaxRequestBodyBytes=1048576).</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Larger bodies are refused with 413 before anything reads them.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
