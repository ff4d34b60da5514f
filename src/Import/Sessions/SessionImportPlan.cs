using System.Globalization;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.Sessions;

public sealed class SessionImportPlan(ILegacyReader<LegacySession> reader, IImportWriter<LegacySession> writer)
    : WriteAsReadPlan<LegacySession>(reader, writer)
{
    public override ImportSource Source => ImportSource.Sessions;
    public override string KeyName => "session_id";

    /// <summary>
    /// What was inferred rather than read (docs/import.md), so a person can check it; and, as the schema keeps no
    /// message history, how much of it stays behind in the old files.
    /// </summary>
    public override IEnumerable<string> Remarks(IReadOnlyList<LegacySession> newRows, ImportMode mode)
    {
        var userFromFileName = newRows.Count(s => s.UserIdFromFileName);
        if (userFromFileName > 0)
        {
            var (noun, their) = userFromFileName == 1 ? ("session", "its") : ("sessions", "their");
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{userFromFileName:N0} {noun} took {their} user from the file name");
        }

        var withHistory = newRows.Where(s => s.MessageHistoryLength > 0).ToArray();
        if (withHistory.Length > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"message_history is not imported (the schema has no place for it): {withHistory.Sum(s => (long)s.MessageHistoryLength):N0} " +
                $"messages of {withHistory.Length:N0} sessions stay only in the old files");
        }
    }
}
