using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

/// <summary>Shorthands for a session's messages, so the tests read as behaviour.</summary>
internal static class SessionMessageRequests
{
    public static string Messages(string sessionId) => $"{Route}/{sessionId}/messages";

    /// <summary>POST one message; <paramref name="message"/> is the JSON body (an anonymous object or raw JSON text).</summary>
    public static Task<HttpResponseMessage> PostMessageAsync(
        this HttpClient client, string sessionId, object message, string user = Alice, string? idempotencyKey = null) =>
        SendAsync(client, Messages(sessionId), message, user, idempotencyKey);

    public static Task<HttpResponseMessage> PostBatchAsync(
        this HttpClient client, string sessionId, object body, string user = Alice, string? idempotencyKey = null) =>
        SendAsync(client, Messages(sessionId) + "/batch", body, user, idempotencyKey);

    /// <summary>Appends one message and asserts 201; answers the stored message.</summary>
    public static async Task<JsonElement> AppendAsync(
        this HttpClient client, string sessionId, string content, string role = "user", string user = Alice,
        string? slackTs = null) =>
        await ExpectAsync(await client.PostMessageAsync(
            sessionId, new { role, content, slack_ts = slackTs }, user), HttpStatusCode.Created);

    /// <summary>Appends the contents as a batch of user messages and asserts 201; answers the stored messages.</summary>
    public static async Task<JsonElement[]> AppendBatchAsync(this HttpClient client, string sessionId, params string[] contents) =>
        (await ExpectAsync(await client.PostBatchAsync(
            sessionId, new { messages = contents.Select(c => new { role = "user", content = c }) }), HttpStatusCode.Created))
        .GetProperty("items").EnumerateArray().ToArray();

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static long Seq(this JsonElement message) => message.GetProperty("seq").GetInt64();

    public static long[] Seqs(this JsonElement page) => page.GetProperty("items").EnumerateArray().Select(Seq).ToArray();

    public static string[] Contents(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("content").GetString()!).ToArray();

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, string uri, object body, string user, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = body is string raw ? TaskRequests.Json(raw) : JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request.ActAs(user));
    }
}
