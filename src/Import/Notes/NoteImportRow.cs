using NakamuraMisaki.Import.Common;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Import.Notes;

/// <summary>A note and its embedding; null when it was already stored, or the provider failed (the backfill job embeds it later).</summary>
public sealed record NoteImportRow(LegacyNote Note, NoteEmbedding? Embedding) : ILegacyRecord
{
    public string Key => Note.Key;
}
