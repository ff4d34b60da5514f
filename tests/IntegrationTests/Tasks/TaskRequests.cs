using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NakamuraMisaki.IntegrationTests.Tasks;

/// <summary>Shorthands for the tasks API, so the tests read as behaviour.</summary>
internal static class TaskRequests
{
    public const string Route = "/api/v1/tasks";
    public const string Alice = "U0ALICE01";
    public const string Bob = "U0BOB0002";

    public static async Task<JsonElement> CreateTaskAsync(
        this HttpClient client, string title = "資料を作る", string assignee = Alice, string creator = Bob,
        DateTimeOffset? dueAt = null, string? description = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = JsonContent.Create(new { title, description, assignee_user_id = assignee, due_at = dueAt }),
        };
        request.ActAs(creator);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetOkJsonAsync(this HttpClient client, string uri, string? actingUser = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (actingUser is not null)
        {
            request.ActAs(actingUser);
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{uri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> TransitionAsync(this HttpClient client, JsonElement task, string transition) =>
        client.PostAsync($"{Route}/{task.Id()}/{transition}", null);

    /// <summary>Sends the request on behalf of <paramref name="user"/> instead of the client's default acting user.</summary>
    public static HttpRequestMessage ActAs(this HttpRequestMessage request, string user)
    {
        request.Headers.Remove("X-Slack-User-Id");
        request.Headers.Add("X-Slack-User-Id", user);
        return request;
    }

    /// <summary>Sends a bodiless request on behalf of <paramref name="user"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsAsync(this HttpClient client, HttpMethod method, string uri, string user)
    {
        using var request = new HttpRequestMessage(method, uri).ActAs(user);
        return await client.SendAsync(request);
    }

    public static string Id(this JsonElement task) => task.GetProperty("id").GetString()!;

    public static string[] Titles(this JsonElement list) =>
        (list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items"))
        .EnumerateArray().Select(t => t.GetProperty("title").GetString()!).ToArray();

    public static HttpContent Json(string raw) => new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
}
