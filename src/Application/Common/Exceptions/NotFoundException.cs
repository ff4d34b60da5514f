namespace NakamuraMisaki.Application.Common.Exceptions;

/// <summary>The addressed resource does not exist (or is not visible to the caller). Mapped to 404.</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
    public object Key { get; } = key;
}
