using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Handoffs;

/// <summary>Shorthands for the hand-offs API, so the tests read as behaviour.</summary>
internal static class HandoffRequests
{
    public const string Route = "/api/v1/handoffs";
    public const string Alice = "U0ALICE01";
    public const string Bob = "U0BOB0002";
    public const string Carol = "U0CAROL03";

    /// <summary>Creates a hand-off on behalf of its sender <paramref name="from"/> (the acting user).</summary>
    public static async Task<JsonElement> CreateHandoffAsync(
        this HttpClient client, string from = Alice, string to = Bob, string progressNote = "API の実装は半分まで",
        string nextSteps = "テストを書く", DateTimeOffset? handoffAt = null, string? taskId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = JsonContent.Create(new
            {
                task_id = taskId, to_user_id = to, progress_note = progressNote, next_steps = nextSteps, handoff_at = handoffAt,
            }),
        };
        request.ActAs(from);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>accept or complete, by <paramref name="actingUser"/>; by default the hand-off's recipient.</summary>
    public static Task<HttpResponseMessage> HandoffTransitionAsync(
        this HttpClient client, JsonElement handoff, string transition, string? actingUser = null) =>
        client.SendAsAsync(HttpMethod.Post, $"{Route}/{handoff.Id()}/{transition}", actingUser ?? handoff.Recipient());

    public static string HandoffUri(this JsonElement handoff) => $"{Route}/{handoff.Id()}";

    public static string Recipient(this JsonElement handoff) => handoff.GetProperty("to_user_id").GetString()!;

    public static string[] Notes(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("progress_note").GetString()!).ToArray();
}
