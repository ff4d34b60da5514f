using System.Text.Json;

namespace NakamuraMisaki.Import.Export;

/// <summary>
/// Rows read in key order, written as one JSON file per key (a user's sessions, a category's notes): the file of the
/// current key stays open until the key changes, so an export of any size holds one row in memory at a time.
/// </summary>
internal sealed class JsonFilePerKey(Func<string, string> pathFor, bool array) : IAsyncDisposable
{
    private string? _key;
    private Stream? _file;
    private Utf8JsonWriter? _json;

    public int Files { get; private set; }

    /// <summary>The writer of <paramref name="key"/>'s file, positioned inside its top-level object or array.</summary>
    public async Task<Utf8JsonWriter> ForAsync(string key)
    {
        if (_json is not null && key == _key)
        {
            return _json;
        }

        await CloseAsync();
        _key = key;
        _file = File.Create(pathFor(key));
        _json = new Utf8JsonWriter(_file, new JsonWriterOptions { Indented = true });
        if (array)
        {
            _json.WriteStartArray();
        }
        else
        {
            _json.WriteStartObject();
        }

        Files++;
        return _json;
    }

    private async Task CloseAsync()
    {
        if (_json is not null)
        {
            if (array)
            {
                _json.WriteEndArray();
            }
            else
            {
                _json.WriteEndObject();
            }

            await _json.DisposeAsync(); // flushes
            _json = null;
        }

        if (_file is not null)
        {
            await _file.DisposeAsync();
            _file = null;
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());
}
