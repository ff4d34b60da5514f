using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

/// <summary>Shorthands for the hand-offs API, so the tests read as behaviour.</summary>
internal static class HandoffRequests
{
    public const string Route = "/api/v1/handoffs";
    public const string Alice = "U0ALICE01";
    public const string Bob = "U0BOB0002";
    public const string Carol = "U0CAROL03";

    public static async Task<JsonElement> CreateHandoffAsync(
        this HttpClient client, string from = Alice, string to = Bob, string progressNote = "API の実装は半分まで",
        string nextSteps = "テストを書く", DateTimeOffset? handoffAt = null, string? taskId = null)
    {
        var response = await client.PostAsJsonAsync(Route, new
        {
            task_id = taskId, from_user_id = from, to_user_id = to, progress_note = progressNote,
            next_steps = nextSteps, handoff_at = handoffAt,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> HandoffTransitionAsync(this HttpClient client, JsonElement handoff, string transition) =>
        client.PostAsync($"{Route}/{handoff.GetProperty("id").GetString()}/{transition}", null);

    public static string[] Notes(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("progress_note").GetString()!).ToArray();
}
