using System.Globalization;
using NakamuraMisaki.Application.Import.Common;

namespace NakamuraMisaki.Application.Import.Sessions;

public sealed class SessionImportPlan(ILegacyReader<LegacySession> reader, IImportTarget<LegacySession> target)
    : IdentityImportPlan<LegacySession>(reader, target)
{
    public override ImportSource Source => ImportSource.Sessions;
    public override string KeyName => "session_id";

    /// <summary>The schema keeps no message history: say how much of it stays behind in the old files.</summary>
    public override IEnumerable<string> Remarks(IReadOnlyList<LegacySession> newRows, ImportMode mode)
    {
        var withHistory = newRows.Where(s => s.MessageHistoryLength > 0).ToArray();
        if (withHistory.Length > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"message_history is not imported (the schema has no place for it): {withHistory.Sum(s => (long)s.MessageHistoryLength):N0} " +
                $"messages of {withHistory.Length:N0} sessions stay only in the old files");
        }
    }
}
