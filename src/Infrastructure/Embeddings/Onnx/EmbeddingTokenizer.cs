using Microsoft.ML.Tokenizers;

namespace NakamuraMisaki.Infrastructure.Embeddings.Onnx;

/// <summary>Turns a text into the model's input ids, special tokens included, at most maxTokens of them.</summary>
internal abstract class EmbeddingTokenizer
{
    public abstract long PaddingId { get; }

    public abstract long[] Encode(string text, int maxTokens);

    /// <summary>vocab.txt: WordPiece (BERT); anything else: a SentencePiece model of the XLM-RoBERTa family.</summary>
    public static EmbeddingTokenizer Load(string path, bool lowerCase) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            ? new WordPiece(BertTokenizer.Create(path, new BertOptions { LowerCaseBeforeTokenization = lowerCase }))
            : new XlmRobertaSentencePiece(path);

    /// <summary>[CLS] tokens [SEP], as BERT was trained.</summary>
    private sealed class WordPiece(BertTokenizer tokenizer) : EmbeddingTokenizer
    {
        public override long PaddingId => tokenizer.PaddingTokenId;

        public override long[] Encode(string text, int maxTokens)
        {
            var ids = tokenizer.EncodeToIds(text, addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true);
            return Wrap(ids, maxTokens, tokenizer.ClassificationTokenId, tokenizer.SeparatorTokenId, id => id);
        }
    }

    /// <summary>
    /// XLM-RoBERTa's ids are fairseq's, not the SentencePiece model's: &lt;s&gt; 0, &lt;pad&gt; 1, &lt;/s&gt; 2,
    /// &lt;unk&gt; 3, and every other piece its SentencePiece id + 1 (Hugging Face's XLMRobertaTokenizer does the same).
    /// </summary>
    private sealed class XlmRobertaSentencePiece : EmbeddingTokenizer
    {
        private const int FairseqOffset = 1;
        private readonly SentencePieceTokenizer _tokenizer;

        public XlmRobertaSentencePiece(string path)
        {
            using var model = File.OpenRead(path);
            _tokenizer = SentencePieceTokenizer.Create(model, false, false);
        }

        public override long PaddingId => 1;

        public override long[] Encode(string text, int maxTokens)
        {
            var ids = _tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false,
                considerPreTokenization: true, considerNormalization: true);
            return Wrap(FuseUnknowns(ids), maxTokens, 0, 2, id => id == _tokenizer.UnknownId ? 3 : id + FairseqOffset);
        }

        /// <summary>
        /// SentencePiece's unigram encoder (and so XLM-R's training data and Hugging Face's tokenizers, fuse_unk) makes
        /// one &lt;unk&gt; of a run of unknown characters; Microsoft.ML.Tokenizers answers one per character.
        /// </summary>
        private List<int> FuseUnknowns(IReadOnlyList<int> ids)
        {
            var fused = new List<int>(ids.Count);
            foreach (var id in ids)
            {
                if (id != _tokenizer.UnknownId || fused.Count == 0 || fused[^1] != id)
                {
                    fused.Add(id);
                }
            }

            return fused;
        }
    }

    private static long[] Wrap(IReadOnlyList<int> ids, int maxTokens, int first, int last, Func<int, int> map)
    {
        var length = Math.Min(ids.Count, maxTokens - 2);
        var result = new long[length + 2];
        result[0] = first;
        for (var i = 0; i < length; i++)
        {
            result[i + 1] = map(ids[i]);
        }

        result[^1] = last;
        return result;
    }
}
