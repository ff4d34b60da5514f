using System.Collections.Frozen;
using Microsoft.ML.Tokenizers;
using NakamuraMisaki.Application.Context;

namespace NakamuraMisaki.Infrastructure.Context;

/// <summary>
/// The shipped tiktoken encodings (Microsoft.ML.Tokenizers with its data packages). A singleton: each encoding is
/// built once, on first use, since building one parses a vocabulary of 100k-200k entries.
/// </summary>
public sealed class TiktokenCounters : ITokenCounters
{
    private readonly FrozenDictionary<string, Lazy<ITokenCounter>> _encodings = ContextTokenizers.Names.ToFrozenDictionary(
        name => name, name => new Lazy<ITokenCounter>(() => new Counter(TiktokenTokenizer.CreateForEncoding(name))));

    public ITokenCounter For(string encoding) => _encodings[encoding].Value;

    private sealed class Counter(Tokenizer tokenizer) : ITokenCounter
    {
        public int? CountUpTo(string text, int maxTokens)
        {
            if (maxTokens <= 0)
            {
                return text.Length == 0 ? 0 : null; // the tokenizer refuses a limit of 0
            }

            // Stops encoding once past the limit, so a 250k-character message costs no more than what is left.
            var end = tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out var count);
            return end == text.Length ? count : null;
        }

        public (string Prefix, int Tokens) Cut(string text, int maxTokens)
        {
            for (var limit = maxTokens; limit > 0; limit--)
            {
                var end = tokenizer.GetIndexByTokenCount(text, limit, out _, out _);
                // A token may end between the two halves of an astral character (an emoji's UTF-8 bytes span tokens).
                if (end > 0 && end < text.Length && char.IsHighSurrogate(text[end - 1]) && char.IsLowSurrogate(text[end]))
                {
                    end--;
                }

                // Encoded on its own, a prefix may split differently from the same text in place: count it again.
                var prefix = text[..end];
                var tokens = tokenizer.CountTokens(prefix);
                if (tokens <= maxTokens)
                {
                    return (prefix, tokens);
                }
            }

            return (string.Empty, 0);
        }
    }
}
