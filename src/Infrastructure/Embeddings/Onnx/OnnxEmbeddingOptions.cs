namespace NakamuraMisaki.Infrastructure.Embeddings.Onnx;

/// <summary>Embeddings:Onnx: an in-process sentence-embedding model (Embeddings:Provider=Onnx). See docs/embeddings.md.</summary>
public sealed class OnnxEmbeddingOptions
{
    /// <summary>The exported model (model.onnx): inputs input_ids, attention_mask (and token_type_ids if it takes them).</summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// The tokenizer: a WordPiece <c>vocab.txt</c> (BERT, MiniLM, LaBSE) or a SentencePiece <c>sentencepiece.bpe.model</c>
    /// (XLM-RoBERTa family: multilingual-e5, paraphrase-multilingual-MiniLM), told apart by the extension.
    /// </summary>
    public string? TokenizerPath { get; set; }

    /// <summary>Recorded in notes.embedding_model; unset = "onnx:" and the model's folder name.</summary>
    public string? ModelName { get; set; }

    /// <summary>Prepended to every text. multilingual-e5 wants "query: " (its card: use it for symmetric tasks).</summary>
    public string Prefix { get; set; } = "";

    /// <summary>WordPiece only: lower-case first (uncased models, such as all-MiniLM-L6-v2). Cased models: false.</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary>Tokens per text, special tokens included; longer texts are cut (the models were trained on 128–512).</summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>Texts per model run.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Threads one model run may use; runs are also one at a time, so the API keeps the rest of the CPU.</summary>
    public int Threads { get; set; } = 1;
}
