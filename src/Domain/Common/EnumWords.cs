namespace NakamuraMisaki.Domain.Common;

/// <summary>An enum's table of words, whatever the enum (for the Api's JSON converter and OpenAPI schemas).</summary>
public interface IEnumWords
{
    Type EnumType { get; }

    /// <summary>Every word, in declaration order.</summary>
    IReadOnlyList<string> All { get; }

    /// <summary>What a value is, for messages: "task status".</summary>
    string Subject { get; }
}

/// <summary>
/// The one table of an enum's words ('in_progress'), used by the database column and its check constraint, JSON,
/// parsing and messages alike. Spelt out, not derived from member names, so renaming a member cannot change stored
/// data or the API. The constructor refuses a table that misses a member or spells one twice.
/// </summary>
public sealed class EnumWords<TEnum> : IEnumWords where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _words;
    private readonly Dictionary<string, TEnum> _values;

    public EnumWords(string subject, params (TEnum Value, string Word)[] table)
    {
        Subject = subject;
        _words = table.ToDictionary(e => e.Value, e => e.Word);
        _values = table.ToDictionary(e => e.Word, e => e.Value, StringComparer.Ordinal);
        var missing = Enum.GetValues<TEnum>().Except(_words.Keys).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"The {subject} table has no word for {string.Join(", ", missing)}.", nameof(table));
        }

        All = Enum.GetValues<TEnum>().Select(v => _words[v]).ToArray();
    }

    public Type EnumType => typeof(TEnum);

    public IReadOnlyList<string> All { get; }

    public string Subject { get; }

    public string Name(TEnum value) =>
        _words.TryGetValue(value, out var word) ? word : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    public bool TryParse(string? word, out TEnum value)
    {
        if (word is not null && _values.TryGetValue(word, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public TEnum Parse(string word) =>
        TryParse(word, out var value) ? value : throw new FormatException($"'{word}' is not a {Subject}.");

    /// <summary>"a, b or c": every word as a message lists it.</summary>
    public string Listed(string lastSeparator = " or ") =>
        All.Count < 2 ? string.Concat(All) : string.Join(", ", All.Take(All.Count - 1)) + lastSeparator + All[^1];

    /// <summary>"status IN ('pending', 'in_progress')", or "status = 'in_progress'" for one word; every word when none are named.</summary>
    public string SqlIn(string column, params TEnum[] values)
    {
        var names = (values.Length == 0 ? Enum.GetValues<TEnum>() : values).Select(v => $"'{Name(v)}'").ToArray();
        return names.Length == 1 ? $"{column} = {names[0]}" : $"{column} IN ({string.Join(", ", names)})";
    }
}
