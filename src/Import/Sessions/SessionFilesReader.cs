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
            var (document, error) = await JsonFileLoader.LoadAsync(
                file, JsonValueKind.Object, "an object of sessions keyed by session id", cancellationToken);
            if (document is null)
            {
                yield return LegacyItem<LegacySession>.Rejected(RecordLocation.WholeFile(file), error!);
                continue;
            }

            using (document)
            {
                var fileUserId = SessionFileName.UserId(file);
                foreach (var member in document.RootElement.EnumerateObject())
                {
                    yield return LegacyItem<LegacySession>.Parse(
                        RecordLocation.ObjectKey(file, member.Name), () => parser.Parse(member.Name, member.Value, fileUserId));
                }
            }
        }
    }
}
