using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Sessions;

/// <summary>Shorthands for the sessions API, so the tests read as behaviour.</summary>
internal static class SessionRequests
{
    public const string Route = "/api/v1/sessions";
    public const string Alice = "U0ALICE01";
    public const string Bob = "U0BOB0002";

    public const string Carol = "U0CAROL03";

    /// <summary>Starts a session of <paramref name="user"/>, the acting user.</summary>
    public static async Task<JsonElement> CreateSessionAsync(
        this HttpClient client, string? sessionId = null, string user = Alice, string? title = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = JsonContent.Create(new { session_id = sessionId, title }),
        };
        return await OkJsonAsync(await client.SendAsync(request.ActAs(user)), HttpStatusCode.Created);
    }

    public static async Task<JsonElement> TouchAsync(this HttpClient client, string sessionId, string user = Alice, int? messages = null) =>
        await OkJsonAsync(await client.SendAsAsync(
            HttpMethod.Post, $"{Route}/{sessionId}/touch" + (messages is { } m ? $"?messages={m}" : ""), user));

    /// <param name="actingUser">Default: the client's acting user (Alice).</param>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string uri, string? actingUser = null) =>
        await OkJsonAsync(actingUser is null ? await client.GetAsync(uri) : await client.SendAsAsync(HttpMethod.Get, uri, actingUser));

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string uri) =>
        await OkJsonAsync(await client.PostAsync(uri, null));

    public static string SessionId(this JsonElement session) => session.GetProperty("session_id").GetString()!;

    public static string[] SessionIds(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(SessionId).ToArray();

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
