using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>Shorthands for the notes API, so the tests read as behaviour.</summary>
internal static class NoteRequests
{
    public const string Route = "/api/v1/notes";
    public const string Alice = "U0ALICE01";
    public const string Bob = "U0BOB0002";

    /// <summary>Saves a note of <paramref name="user"/>, the acting user.</summary>
    public static async Task<JsonElement> SaveNoteAsync(
        this HttpClient client, string content, string user = Alice, string? category = null, string? sessionId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = JsonContent.Create(new { content, category, session_id = sessionId }),
        };
        var response = await client.SendAsync(request.ActAs(user));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> SearchAsync(
        this HttpClient client, string query, string user = Alice, int? limit = null, string? category = null,
        string? mode = null, double? minScore = null)
    {
        var uri = $"{Route}/search?q={Uri.EscapeDataString(query)}" +
                  (limit is { } l ? $"&limit={l}" : "") + (category is { } c ? $"&category={c}" : "") +
                  (mode is { } m ? $"&mode={m}" : "") +
                  (minScore is { } s ? $"&min_score={s.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "");
        return await client.GetOkJsonAsync(uri, user);
    }

    public static string Id(this JsonElement note) => note.GetProperty("id").GetString()!;

    public static string Mode(this JsonElement search) => search.GetProperty("mode").GetString()!;

    public static string[] Contents(this JsonElement list) =>
        (list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items"))
        .EnumerateArray().Select(n => n.GetProperty("content").GetString()!).ToArray();

    public static string[][] MatchedBy(this JsonElement search) =>
        search.GetProperty("items").EnumerateArray()
            .Select(n => n.GetProperty("matched_by").EnumerateArray().Select(s => s.GetString()!).ToArray()).ToArray();

    public static double[] Scores(this JsonElement search) =>
        search.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("score").GetDouble()).ToArray();

    /// <param name="actingUser">Default: the client's acting user (Alice).</param>
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

    public static async Task<JsonElement> PostOkJsonAsync(this HttpClient client, string uri)
    {
        var response = await client.PostAsync(uri, null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{uri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Sends a use case straight to the application, as the background jobs do.</summary>
    public static async Task<TResponse> SendAsync<TResponse>(this ApiFactory factory, IRequest<TResponse> request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }
}
