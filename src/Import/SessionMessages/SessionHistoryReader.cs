using System.Runtime.CompilerServices;
using System.Text.Json;
using NakamuraMisaki.Application.Sessions;
using NakamuraMisaki.Import.Common;
using NakamuraMisaki.Import.Sessions;

namespace NakamuraMisaki.Import.SessionMessages;

/// <summary>
/// The <c>message_history</c> of every session in the sessions files, in file order. Each message is a record of its
/// own, located as <c>key "session" message_history[i]</c>; the messages of a session the sessions import refuses are
/// refused with it. A file that cannot be read is the sessions import's to report.
/// </summary>
internal sealed class SessionHistoryReader(SessionSettings settings) : ILegacyReader<LegacySessionMessage>
{
    private const string HistoryKey = "message_history";

    public async IAsyncEnumerable<LegacyItem<LegacySessionMessage>> ReadAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sessions = new LegacySessionParser(TimeZoneInfo.FindSystemTimeZoneById(settings.TitleTimeZone));
        foreach (var file in Directory.EnumerateFiles(path, SessionFileName.SearchPattern).Order(StringComparer.Ordinal))
        {
            var (document, _) = await JsonFileLoader.LoadAsync(
                file, JsonValueKind.Object, "an object of sessions keyed by session id", cancellationToken);
            if (document is null)
            {
                continue; // the sessions import reports the file, whose messages cannot be counted
            }

            using (document)
            {
                var fileUserId = SessionFileName.UserId(file);
                foreach (var member in document.RootElement.EnumerateObject())
                {
                    foreach (var item in History(file, member, sessions, fileUserId))
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    private static IEnumerable<LegacyItem<LegacySessionMessage>> History(
        string file, JsonProperty member, LegacySessionParser sessions, string? fileUserId)
    {
        if (member.Value.ValueKind != JsonValueKind.Object
            || !member.Value.TryGetProperty(HistoryKey, out var history) || history.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        var at = new RecordLocation(file, $"key \"{member.Name}\" {HistoryKey}");
        if (history.ValueKind != JsonValueKind.Array)
        {
            yield return LegacyItem<LegacySessionMessage>.Rejected(at, $"'{HistoryKey}' must be an array, found {history.ValueKind}");
            yield break;
        }

        var sessionItem = LegacyItem<LegacySession>.Parse(at, () => sessions.Parse(member.Name, member.Value, fileUserId));
        var session = sessionItem.Record;
        var sessionRefused = $"its session is refused: {sessionItem.RejectionReason}";
        var ordinal = 0;
        var createdAt = session?.CreatedAt ?? default;
        var slackTsAt = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = -1;
        foreach (var element in history.EnumerateArray())
        {
            index++;
            var location = new RecordLocation(file, $"key \"{member.Name}\" {HistoryKey}[{index}]");
            if (session is null)
            {
                yield return LegacyItem<LegacySessionMessage>.Rejected(location, sessionRefused);
                continue;
            }

            var parsed = LegacyItem<LegacySessionMessage>.Parse(location,
                () => LegacySessionMessageParser.Parse(element, session.SessionId, session.UserId, ordinal + 1, createdAt));
            if (parsed.Record is not { } message)
            {
                yield return parsed;
                continue;
            }

            if (message.SlackTs is { } ts && !slackTsAt.TryAdd(ts, index))
            {
                yield return LegacyItem<LegacySessionMessage>.Rejected(location,
                    $"'slack_ts' {ts} is already at {HistoryKey}[{slackTsAt[ts]}]: one Slack message is stored once");
                continue;
            }

            ordinal++;
            createdAt = message.CreatedAt;
            yield return LegacyItem<LegacySessionMessage>.Accepted(location, message);
        }
    }
}
