namespace NakamuraMisaki.Domain.Common;

/// <summary>
/// Everything derived from an enum's table of legacy words (a <c>ToName</c> switch such as
/// <see cref="Tasks.TaskItemStatusNames.ToName"/>): parsing, the list for messages, and the SQL of check constraints
/// and index filters. The switch is the one place a word is spelt.
/// </summary>
public static class EnumNames
{
    public static IReadOnlyList<string> All<TEnum>(Func<TEnum, string> toName) where TEnum : struct, Enum =>
        Values<TEnum>.All.Select(toName).ToArray();

    public static bool TryParse<TEnum>(string? name, Func<TEnum, string> toName, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Values<TEnum>.All)
        {
            if (string.Equals(toName(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>"status IN ('pending', 'in_progress')", or "status = 'in_progress'" for one word; every word when none are named.</summary>
    public static string SqlIn<TEnum>(string column, Func<TEnum, string> toName, params TEnum[] values)
        where TEnum : struct, Enum
    {
        var names = (values.Length == 0 ? Values<TEnum>.All : values).Select(v => $"'{toName(v)}'").ToArray();
        return names.Length == 1 ? $"{column} = {names[0]}" : $"{column} IN ({string.Join(", ", names)})";
    }

    /// <summary>"a, b or c": the words as a message lists them.</summary>
    public static string Listed(IReadOnlyList<string> names, string lastSeparator) =>
        names.Count < 2 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + lastSeparator + names[^1];

    // Enum.GetValues allocates a new array per call, and parsing runs for every row read.
    private static class Values<TEnum> where TEnum : struct, Enum
    {
        public static readonly TEnum[] All = Enum.GetValues<TEnum>();
    }
}
