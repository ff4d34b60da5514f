using System.Text;
using System.Text.Json;

namespace NakamuraMisaki.IntegrationTests.Notes;

internal static class NoteJson
{
    public static HttpContent Of(object body) =>
        new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static HttpContent Raw(string json) => new StringContent(json, Encoding.UTF8, "application/json");
}
