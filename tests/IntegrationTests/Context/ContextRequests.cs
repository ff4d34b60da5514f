using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.ML.Tokenizers;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Context;

/// <summary>Shorthands for POST /api/v1/context, and an independent count of its texts.</summary>
internal static class ContextRequests
{
    public const string Route = "/api/v1/context";
    public const string Alice = "U0ALICE01";
    public const string Bob = "U0BOB0002";

    private static readonly Dictionary<string, TiktokenTokenizer> Tokenizers = new()
    {
        ["o200k_base"] = TiktokenTokenizer.CreateForEncoding("o200k_base"),
        ["cl100k_base"] = TiktokenTokenizer.CreateForEncoding("cl100k_base"),
    };

    public static Task<HttpResponseMessage> PostContextAsync(this HttpClient client, object body, string user = Alice)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = JsonContent.Create(body) };
        return client.SendAsync(request.ActAs(user));
    }

    public static async Task<JsonElement> ContextAsync(this HttpClient client, object body, string user = Alice)
    {
        var response = await client.PostContextAsync(body, user);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static JsonElement[] Items(this JsonElement context) => context.GetProperty("items").EnumerateArray().ToArray();

    public static string Kind(this JsonElement item) => item.GetProperty("kind").GetString()!;

    public static string Text(this JsonElement item) => item.GetProperty("text").GetString()!;

    public static string[] Strings(this JsonElement item, string property) =>
        item.GetProperty(property).EnumerateArray().Select(r => r.GetString()!).ToArray();

    /// <summary>The texts counted again, outside the service, by the tokenizer the answer names.</summary>
    public static int Recount(this JsonElement context, IEnumerable<JsonElement>? items = null)
    {
        var tokenizer = Tokenizers[context.GetProperty("tokenizer").GetString()!];
        return (items ?? context.Items()).Sum(i => tokenizer.CountTokens(i.Text()));
    }

    public static int Count(string tokenizer, string text) => Tokenizers[tokenizer].CountTokens(text);
}
