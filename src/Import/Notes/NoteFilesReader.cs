using System.Runtime.CompilerServices;
using System.Text.Json;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.Notes;

/// <summary>
/// Every <c>.nakamura_notes/{category}.json</c> under the directory, at any depth (the old bot kept one such folder per
/// workspace), or directly in it when the directory is a <c>.nakamura_notes</c> folder itself.
/// </summary>
internal sealed class NoteFilesReader : ILegacyReader<LegacyNote>
{
    public const string NotesFolder = ".nakamura_notes";

    public async IAsyncEnumerable<LegacyItem<LegacyNote>> ReadAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in FindFiles(path))
        {
            var (document, error) = await JsonFileLoader.LoadAsync(file, JsonValueKind.Array, "an array of notes", cancellationToken);
            if (document is null)
            {
                yield return LegacyItem<LegacyNote>.Rejected(RecordLocation.WholeFile(file), error!);
                continue;
            }

            using (document)
            {
                var category = Path.GetFileNameWithoutExtension(file);
                var index = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    yield return LegacyItem<LegacyNote>.Parse(
                        RecordLocation.ArrayIndex(file, index++), () => LegacyNoteParser.Parse(element, category));
                }
            }
        }
    }

    private static IEnumerable<string> FindFiles(string directory)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            // The folder's name starts with a dot, which counts as hidden; symbolic links are not followed (no loops).
            AttributesToSkip = FileAttributes.ReparsePoint,
        };
        return Directory.EnumerateFiles(directory, "*.json", options)
            .Where(file => Path.GetFileName(Path.GetDirectoryName(file)) == NotesFolder)
            .Order(StringComparer.Ordinal);
    }
}
