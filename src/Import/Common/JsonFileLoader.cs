using System.Text.Json;

namespace NakamuraMisaki.Import.Common;

internal static class JsonFileLoader
{
    /// <summary>The parsed file, or why it could not be: one bad file is reported and the others are still read.</summary>
    public static async Task<(JsonDocument? Document, string? Error)> LoadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            // Read-only and sharing writes: the old bot may still be running and appending to its files.
            await using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true);
            return (await JsonDocument.ParseAsync(stream, default, cancellationToken), null);
        }
        catch (JsonException e)
        {
            // JsonException counts lines and bytes from 0 and repeats them at the end of its message.
            var message = e.Message.Split(" LineNumber:", 2)[0];
            return (null, $"not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot be read: {e.Message}");
        }
    }
}
