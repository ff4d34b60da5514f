using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace NakamuraMisaki.IntegrationTests.Concurrency;

/// <summary>Requests with If-Match, and reading ETags, for the concurrency tests.</summary>
internal static partial class ConditionalRequests
{
    /// <summary>Sends a request, with If-Match set verbatim (no client-side validation) when given.</summary>
    public static Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string uri, string? ifMatch = null, object? json = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = json is null ? null : JsonContent.Create(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>The response's ETag, asserted to be a strong tag: a quoted version number.</summary>
    public static string ETag(this HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("ETag", out var values), $"{(int)response.StatusCode} without ETag");
        var etag = Assert.Single(values);
        Assert.Matches(StrongVersionTag(), etag);
        return etag;
    }

    public static async Task<string> ETagOfAsync(this HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        response.EnsureSuccessStatusCode();
        return response.ETag();
    }

    [GeneratedRegex("""^"[0-9]+"$""")]
    private static partial Regex StrongVersionTag();
}
