using NakamuraMisaki.Import.Common;
using Npgsql;
using NpgsqlTypes;
using static NakamuraMisaki.Import.Common.StagedColumn;

namespace NakamuraMisaki.Import.Notes;

internal sealed class NoteWriter(NpgsqlDataSource dataSource)
    : StagedTable<NoteImportRow>(dataSource, Table, "id", Columns), INoteWriter
{
    public const string Table = "notes";

    /// <summary>Every column of notes: a test checks the list against the EF Core model, so a new column cannot be missed.</summary>
    internal static readonly IReadOnlyList<StagedColumn<NoteImportRow>> Columns =
    [
        Uuid<NoteImportRow>("id", r => r.Note.Id),
        Text<NoteImportRow>("user_id", r => r.Note.UserId),
        Text<NoteImportRow>("session_id", r => r.Note.SessionId),
        Text<NoteImportRow>("category", r => r.Note.Category),
        Text<NoteImportRow>("content", r => r.Note.Content),
        TimestampTz<NoteImportRow>("created_at", r => r.Note.CreatedAt),
        // Not compared: a stored note may have been embedded since, or re-embedded with another model.
        Vector<NoteImportRow>("embedding", r => r.Embedding?.Vector, compared: false),
        Text<NoteImportRow>("embedding_model", r => r.Embedding?.Model, compared: false),
    ];

    /// <summary>Smaller than the others: each embedding is 6 KB on the wire and one HNSW insertion in the index.</summary>
    public override int BatchSize => 500;

    public async Task<IReadOnlySet<Guid>> ExistingIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("SELECT id FROM notes WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var existing = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            existing.Add(reader.GetGuid(0));
        }

        return existing;
    }
}
