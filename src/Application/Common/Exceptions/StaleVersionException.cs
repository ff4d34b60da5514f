namespace NakamuraMisaki.Application.Common.Exceptions;

/// <summary>
/// The client named the version it based its change on (HTTP If-Match), and the resource is no longer at that
/// version: someone else changed it in between. Nothing was written. Mapped to 412 Precondition Failed.
/// </summary>
public sealed class StaleVersionException(string resource, object key, uint expectedVersion)
    : Exception($"{resource} '{key}' has changed since version {expectedVersion}; read it again and retry.")
{
    public string Resource { get; } = resource;
    public object Key { get; } = key;
    public uint ExpectedVersion { get; } = expectedVersion;
}
