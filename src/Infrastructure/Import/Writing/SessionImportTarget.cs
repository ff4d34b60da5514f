using NakamuraMisaki.Application.Import.Common;
using NakamuraMisaki.Application.Import.Sessions;
using Npgsql;
using static NakamuraMisaki.Infrastructure.Import.Writing.StagedColumn;

namespace NakamuraMisaki.Infrastructure.Import.Writing;

internal sealed class SessionImportTarget(NpgsqlDataSource dataSource) : IImportTarget<LegacySession>
{
    private readonly StagedTable<LegacySession> _table = new(dataSource, "sessions", "session_id",
    [
        Text<LegacySession>("session_id", s => s.SessionId),
        Text<LegacySession>("user_id", s => s.UserId),
        Text<LegacySession>("title", s => s.Title),
        Text<LegacySession>("workspace_path", s => s.WorkspacePath),
        Integer<LegacySession>("message_count", s => s.MessageCount),
        Boolean<LegacySession>("is_active", s => s.IsActive),
        Jsonb<LegacySession>("options", s => s.Options), // compared as jsonb: key order and spacing do not matter
        TimestampTz<LegacySession>("created_at", s => s.CreatedAt),
        TimestampTz<LegacySession>("last_active", s => s.LastActive),
    ]);

    public int BatchSize => 2_000;

    public Task<IReadOnlyDictionary<string, RowOutcome>> ImportAsync(IReadOnlyList<LegacySession> rows, CancellationToken cancellationToken) =>
        _table.ImportAsync(rows, cancellationToken);

    public Task<IReadOnlyDictionary<string, RowOutcome>> CompareAsync(IReadOnlyList<LegacySession> rows, CancellationToken cancellationToken) =>
        _table.CompareAsync(rows, cancellationToken);
}
