namespace NakamuraMisaki.Application.Common;

/// <summary>
/// A PATCH field: absent means "leave unchanged", present (even as null) means "set to this".
/// JSON Merge Patch (RFC 7396) needs this distinction; a plain nullable cannot express it. Absent is <c>default</c>.
/// </summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);
}
