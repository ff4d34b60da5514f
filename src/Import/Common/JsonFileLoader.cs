using System.Text.Json;

namespace NakamuraMisaki.Import.Common;

internal static class JsonFileLoader
{
    /// <summary>
    /// The parsed file if its top level is <paramref name="expected"/>, or why not: one bad file is reported (as one
    /// rejection at "(whole file)") and the others are still read.
    /// </summary>
    /// <param name="expectation">What the top level should hold, for the reason ("an array of notes").</param>
    public static async Task<(JsonDocument? Document, string? Error)> LoadAsync(
        string path, JsonValueKind expected, string expectation, CancellationToken cancellationToken)
    {
        var (document, error) = await ParseAsync(path, cancellationToken);
        if (document is null || document.RootElement.ValueKind == expected)
        {
            return (document, error);
        }

        var found = document.RootElement.ValueKind;
        document.Dispose();
        return (null, $"expected {expectation}, found {found}");
    }

    private static async Task<(JsonDocument? Document, string? Error)> ParseAsync(string path, CancellationToken cancellationToken)
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
