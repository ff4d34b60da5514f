using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace NakamuraMisaki.IntegrationTests.Embeddings;

/// <summary>
/// A minimal OpenAI-compatible /v1/embeddings server on 127.0.0.1, as Ollama, vLLM or LiteLLM expose one. It answers
/// vector i of the batch with the value (i + 1) / 100 in every dimension, in the encoding the client asks for, and
/// records each request it gets.
/// </summary>
internal sealed class FakeOpenAIEmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAIEmbeddingServer(WebApplication app) => _app = app;

    public List<(string? Authorization, JsonObject Body)> Requests { get; } = [];

    /// <summary>Answer every request with this status instead (500: a failing server).</summary>
    public int? FailWith { get; set; }

    public int Dimensions { get; set; } = 1536;

    public string BaseUrl => _app.Urls.First() + "/v1";

    public static async Task<FakeOpenAIEmbeddingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAIEmbeddingServer(app);
        app.MapPost("/v1/embeddings", server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        lock (Requests)
        {
            Requests.Add((context.Request.Headers.Authorization.ToString(), body));
        }

        if (FailWith is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "failing on purpose", type = "server_error" } });
            return;
        }

        var inputs = body["input"] is JsonArray array ? array.Count : 1;
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = Enumerable.Range(0, inputs).Select(i =>
        {
            var vector = Enumerable.Repeat((i + 1) / 100f, Dimensions).ToArray();
            object embedding = base64 ? Convert.ToBase64String(JsonSerializerHelpers.ToLittleEndianBytes(vector)) : vector;
            return new { @object = "embedding", index = i, embedding };
        });
        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list", data, model = body["model"]?.GetValue<string>(), usage = new { prompt_tokens = inputs, total_tokens = inputs },
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal static class JsonSerializerHelpers
{
    public static byte[] ToLittleEndianBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }
}
