namespace NakamuraMisaki.Api.Security;

/// <summary>The "Limits" section (env: Limits__MaxRequestBodyBytes=1048576, Limits__MaxMessageBodyBytes=16777216).</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Larger bodies are refused with 413 before anything reads them.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The same for session message appends: a 262,144-character answer is 1.5 MiB as \u-escaped JSON (what Python's
    /// json.dumps and .NET's default encoder send), and a batch holds up to 1,000 messages.
    /// </summary>
    public long MaxMessageBodyBytes { get; set; } = 16 * 1024 * 1024;
}
