using System.Globalization;

namespace NakamuraMisaki.Api.Concurrency;

/// <summary>
/// The ETag of a stored resource is its row version (PostgreSQL xmin) as a strong entity tag: <c>"1234"</c>.
/// Strong, because If-Match compares with the strong function (RFC 9110 13.1.1) and a weak tag could never match.
/// It identifies the stored state; fields derived at read time (a task's is_overdue) are not part of what it versions.
/// Clients treat the value as opaque: they copy it from ETag into If-Match.
/// </summary>
public static class EntityTag
{
    public static string Format(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Reads a strong tag this API issued. Weak tags (W/"…") and anything else are refused.</summary>
    public static bool TryParse(ReadOnlySpan<char> tag, out uint version)
    {
        version = 0;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
               && uint.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
