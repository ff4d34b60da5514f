using System.Net.Http.Json;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// The acting-user header values every user-scoped endpoint must refuse with a 400 naming the header: absent, empty,
/// not a Slack user id, and two ids in one header.
/// </summary>
internal static class MalformedActingUsers
{
    private static readonly string?[] Values = [null, "", "alice", "U0ALICE01,U0BOB0002"];

    /// <summary>Every value against every endpoint: (acting user, method, path relative to the feature's route).</summary>
    public static TheoryData<string?, string, string> Against(params (string Method, string Path)[] endpoints)
    {
        var data = new TheoryData<string?, string, string>();
        foreach (var actingUser in Values)
        {
            foreach (var (method, path) in endpoints)
            {
                data.Add(actingUser, method, path);
            }
        }

        return data;
    }

    /// <summary>
    /// Sends a request with the API key and, when not null, <paramref name="actingUser"/> verbatim as the acting-user
    /// header (no client-side validation, so malformed values reach the service).
    /// </summary>
    public static async Task<HttpResponseMessage> SendActingAsAsync(
        this ApiFactory factory, string? actingUser, string method, string uri, object? body = null)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), uri)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new("Bearer", ApiFactory.ApiKey);
        if (actingUser is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Slack-User-Id", actingUser);
        }

        return await client.SendAsync(request);
    }
}
