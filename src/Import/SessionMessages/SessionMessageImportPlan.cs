using System.Globalization;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.SessionMessages;

/// <summary>The sessions' message_history, after the sessions themselves (a message needs its session).</summary>
public sealed class SessionMessageImportPlan(ILegacyReader<LegacySessionMessage> reader, IImportWriter<LegacySessionMessage> writer)
    : WriteAsReadPlan<LegacySessionMessage>(reader, writer)
{
    private const int SessionsListed = 20;

    public override ImportSource Source => ImportSource.SessionMessages;
    public override string KeyName => "session_id#message";

    /// <summary>Verify and dry run: per session, how many of the file's messages the database lacks.</summary>
    public override IEnumerable<string> Remarks(IReadOnlyList<LegacySessionMessage> newRows, ImportMode mode)
    {
        if (mode == ImportMode.Import || newRows.Count == 0)
        {
            yield break;
        }

        var lacking = newRows.GroupBy(m => m.SessionId)
            .Select(g => (Session: g.Key, Lacks: g.Count(), FileHas: g.Max(m => m.Ordinal)))
            .OrderBy(s => s.Session, StringComparer.Ordinal)
            .ToArray();
        var verb = mode == ImportMode.Verify ? "lack" : "would get";
        var listed = string.Join(", ", lacking.Take(SessionsListed).Select(s => $"{s.Session} ({s.Lacks} of {s.FileHas})"));
        var more = lacking.Length > SessionsListed ? $", … {(lacking.Length - SessionsListed).ToString("N0", CultureInfo.InvariantCulture)} more" : "";
        yield return $"{lacking.Length.ToString("N0", CultureInfo.InvariantCulture)} sessions {verb} messages of their files: {listed}{more}";
    }
}
