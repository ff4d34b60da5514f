using System.Globalization;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.Sessions;

public sealed class SessionImportPlan(ILegacyReader<LegacySession> reader, IImportWriter<LegacySession> writer)
    : WriteAsReadPlan<LegacySession>(reader, writer)
{
    public override ImportSource Source => ImportSource.Sessions;
    public override string KeyName => "session_id";

    /// <summary>What was inferred rather than read (docs/import.md), so a person can check it.</summary>
    public override IEnumerable<string> Remarks(IReadOnlyList<LegacySession> newRows, ImportMode mode)
    {
        var userFromFileName = newRows.Count(s => s.UserIdFromFileName);
        if (userFromFileName > 0)
        {
            var (noun, their) = userFromFileName == 1 ? ("session", "its") : ("sessions", "their");
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{userFromFileName:N0} {noun} took {their} user from the file name");
        }
    }
}
