using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace NakamuraMisaki.Bench.NotesSearch;

/// <summary>The API over HTTP, as the bot calls it: one search, timed from request to parsed answer.</summary>
internal sealed class ServiceClient(string baseUrl, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl) };

    public async Task<(double Ms, string Mode, (Guid Id, double Score)[] Hits)> SearchAsync(string user, string query, string mode, int limit = 10)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/api/v1/notes/search?q={Uri.EscapeDataString(query)}&mode={mode}&limit={limit}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.Add("X-Slack-User-Id", user);
        var clock = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var ms = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        var hits = json.RootElement.GetProperty("items").EnumerateArray()
            .Select(h => (h.GetProperty("id").GetGuid(), h.GetProperty("score").GetDouble())).ToArray();
        return (ms, json.RootElement.GetProperty("mode").GetString()!, hits);
    }

    public async Task<Guid> SaveAsync(string user, string content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notes")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { content }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.Add("X-Slack-User-Id", user);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    public void Dispose() => _http.Dispose();
}
