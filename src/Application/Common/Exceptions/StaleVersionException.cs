namespace NakamuraMisaki.Application.Common.Exceptions;

/// <summary>
/// The client named the version it based its change on (HTTP If-Match), and the resource is no longer at that
/// version: someone else changed it in between. Nothing was written. Mapped to 412 Precondition Failed.
/// </summary>
public sealed class StaleVersionException : Exception
{
    public StaleVersionException(string resource, object key, uint expectedVersion)
        : this(resource, key, expectedVersion,
            $"{resource} '{key}' has changed since version {expectedVersion}; read it again and retry.")
    {
    }

    private StaleVersionException(string resource, object key, uint expectedVersion, string message)
        : base(message)
    {
        Resource = resource;
        Key = key;
        ExpectedVersion = expectedVersion;
    }

    public string Resource { get; }
    public object Key { get; }
    public uint ExpectedVersion { get; }

    /// <summary>If-Match named a version of something that does not exist (RFC 9110 §13.1.1: the precondition is false).</summary>
    public static StaleVersionException DoesNotExist(string resource, object key, uint expectedVersion) =>
        new(resource, key, expectedVersion,
            $"{resource} '{key}' does not exist, so no If-Match version can match it; send the request without If-Match to create it.");
}
