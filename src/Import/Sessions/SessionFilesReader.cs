using System.Runtime.CompilerServices;
using System.Text.Json;
using NakamuraMisaki.Import.Common;
using NakamuraMisaki.Application.Sessions;

namespace NakamuraMisaki.Import.Sessions;

/// <summary>Every <c>user_{id}_sessions.json</c> directly in the directory: one object keyed by session id per user.</summary>
internal sealed class SessionFilesReader(SessionSettings settings) : ILegacyReader<LegacySession>
{
    public async IAsyncEnumerable<LegacyItem<LegacySession>> ReadAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parser = new LegacySessionParser(TimeZoneInfo.FindSystemTimeZoneById(settings.TitleTimeZone));
        foreach (var file in Directory.EnumerateFiles(path, SessionFileName.SearchPattern).Order(StringComparer.Ordinal))
        {
            var (document, error) = await JsonFileLoader.LoadAsync(file, cancellationToken);
            if (document is null)
            {
                yield return LegacyItem<LegacySession>.Rejected(RecordLocation.WholeFile(file), error!);
                continue;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    yield return LegacyItem<LegacySession>.Rejected(RecordLocation.WholeFile(file),
                        $"expected an object of sessions keyed by session id, found {document.RootElement.ValueKind}");
                    continue;
                }

                var fileUserId = SessionFileName.UserId(file);
                foreach (var member in document.RootElement.EnumerateObject())
                {
                    yield return Parse(parser, RecordLocation.ObjectKey(file, member.Name), member, fileUserId);
                }
            }
        }
    }

    private static LegacyItem<LegacySession> Parse(
        LegacySessionParser parser, RecordLocation location, JsonProperty member, string? fileUserId)
    {
        try
        {
            return LegacyItem<LegacySession>.Accepted(location, parser.Parse(member.Name, member.Value, fileUserId));
        }
        catch (InvalidLegacyRecordException e)
        {
            return LegacyItem<LegacySession>.Rejected(location, e.Message);
        }
    }
}
