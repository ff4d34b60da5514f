using System.Text.Json;

namespace NakamuraMisaki.Api.Json;

/// <summary>The rules for a JSON value stored as jsonb and echoed in responses.</summary>
internal static class StoredJson
{
    /// <summary>
    /// Levels of nesting a stored value may have (<c>{}</c> is 1). Responses wrap a stored value a few levels deep (a
    /// list: page, items, item) under the serializer's limit of 32, so 16 leaves every response room to carry it.
    /// </summary>
    public const int MaxDepth = 16;

    /// <returns>The first problem, with its path relative to the value (".a[2]", "" for the value itself), or null.</returns>
    public static (string Path, string Message)? FindProblem(JsonElement value) => Check(value, 1);

    // Walks the value once; builds a path only on the way back from a problem, so a good value allocates nothing
    // but one key set per object.
    private static (string Path, string Message)? Check(JsonElement value, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return TextProblem(value) is { } problem ? ("", problem) : null;
            case JsonValueKind.Array:
                if (depth > MaxDepth)
                {
                    return ("", $"JSON values may nest at most {MaxDepth} levels.");
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (Check(item, depth + 1) is { } inItem)
                    {
                        return ($"[{index}]{inItem.Path}", inItem.Message);
                    }

                    index++;
                }

                return null;
            case JsonValueKind.Object:
                return depth > MaxDepth ? ("", $"JSON values may nest at most {MaxDepth} levels.") : CheckObject(value, depth);
            default:
                return null;
        }
    }

    private static (string Path, string Message)? CheckObject(JsonElement value, int depth)
    {
        HashSet<string>? seen = null;
        foreach (var property in value.EnumerateObject())
        {
            // The key itself is never echoed when it cannot be stored: a response cannot carry a lone surrogate either.
            if (KeyProblem(property) is { } keyProblem)
            {
                return ("", "A key: " + keyProblem);
            }

            seen ??= [];
            if (!seen.Add(property.Name))
            {
                return (Segment(property.Name), "The key appears more than once; send it once.");
            }

            if (Check(property.Value, depth + 1) is { } inValue)
            {
                return (Segment(property.Name) + inValue.Path, inValue.Message);
            }
        }

        return null;
    }

    // A JSON escape of a lone surrogate ("\ud800") cannot even become a .NET string: reading it throws.
    private static string? TextProblem(JsonElement value)
    {
        try
        {
            return StorableText.Problem(value.GetString()!);
        }
        catch (InvalidOperationException)
        {
            return StorableText.UnpairedSurrogate;
        }
    }

    private static string? KeyProblem(JsonProperty property)
    {
        try
        {
            return StorableText.Problem(property.Name);
        }
        catch (InvalidOperationException)
        {
            return StorableText.UnpairedSurrogate;
        }
    }

    private static string Segment(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? "." + key : $"['{key.Replace("'", "\\'")}']";
}
