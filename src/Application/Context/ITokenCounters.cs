namespace NakamuraMisaki.Application.Context;

/// <summary>Counts and cuts text in one model encoding's tokens.</summary>
public interface ITokenCounter
{
    /// <summary>The tokens of <paramref name="text"/> when there are at most <paramref name="maxTokens"/>; else null.</summary>
    int? CountUpTo(string text, int maxTokens);

    /// <summary>
    /// The longest prefix of <paramref name="text"/> ending at a token boundary (never inside a UTF-16 surrogate
    /// pair) whose own count is at most <paramref name="maxTokens"/>, and that count.
    /// </summary>
    (string Prefix, int Tokens) Cut(string text, int maxTokens);
}

/// <summary>The shipped encodings, each built once (building one reads a 100k-200k entry vocabulary).</summary>
public interface ITokenCounters
{
    ITokenCounter For(string encoding);
}

/// <summary>The encodings <c>tokenizer</c> may name: one list, read by the validator, the document and Infrastructure.</summary>
public static class ContextTokenizers
{
    /// <summary>GPT-4o and later models.</summary>
    public const string O200kBase = "o200k_base";

    /// <summary>GPT-4, GPT-3.5 and the text-embedding-3 models.</summary>
    public const string Cl100kBase = "cl100k_base";

    public const string Default = O200kBase;

    public static readonly IReadOnlyList<string> Names = [O200kBase, Cl100kBase];
}
