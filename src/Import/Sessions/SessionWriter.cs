using NakamuraMisaki.Import.Common;
using Npgsql;
using static NakamuraMisaki.Import.Common.StagedColumn;

namespace NakamuraMisaki.Import.Sessions;

internal sealed class SessionWriter(NpgsqlDataSource dataSource)
    : StagedTable<LegacySession>(dataSource, Table, "session_id", Columns)
{
    public const string Table = "sessions";

    /// <summary>Every column of sessions: a test checks the list against the EF Core model, so a new column cannot be missed.</summary>
    internal static readonly IReadOnlyList<StagedColumn<LegacySession>> Columns =
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
        // A new session has no messages yet; the histories are imported next and move it (not compared: they will).
        Bigint<LegacySession>("last_message_seq", _ => 0, compared: false),
    ];

    public override int BatchSize => 2_000;
}
