using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Concurrency;

/// <summary>The OpenAPI document states the ETag / If-Match contract where it applies, and only there.</summary>
public sealed class ConcurrencyOpenApiTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string, string> VersionedWrites() => new()
    {
        { "/api/v1/tasks/{id}", "patch", "200" },
        { "/api/v1/tasks/{id}/start", "post", "200" },
        { "/api/v1/tasks/{id}/complete", "post", "200" },
        { "/api/v1/tasks/{id}/cancel", "post", "200" },
        { "/api/v1/agent-tasks", "post", "201" },
        { "/api/v1/agent-tasks/{uuid}", "patch", "200" },
        { "/api/v1/agent-tasks/{uuid}/complete", "post", "200" },
        { "/api/v1/agent-tasks/{uuid}/stop", "post", "200" },
        { "/api/v1/agent-tasks/{uuid}/fail", "post", "200" },
    };

    [Theory]
    [MemberData(nameof(VersionedWrites))]
    public async Task Versioned_writes_document_If_Match_412_and_the_ETag_they_answer(string path, string method, string success)
    {
        var operation = await OperationAsync(path, method);

        AssertIfMatchParameter(operation);
        Assert.True(operation.GetProperty("responses").TryGetProperty("412", out _), $"{method} {path} lacks 412");
        AssertETagHeader(operation, success);
    }

    [Theory]
    [InlineData("/api/v1/tasks/{id}")]
    [InlineData("/api/v1/agent-tasks/{uuid}")]
    public async Task Deletes_document_If_Match_and_412(string path)
    {
        var operation = await OperationAsync(path, "delete");
        AssertIfMatchParameter(operation);
        Assert.True(operation.GetProperty("responses").TryGetProperty("412", out _));
    }

    [Theory]
    [InlineData("/api/v1/tasks/{id}", "get", "200")]
    [InlineData("/api/v1/tasks", "post", "201")]
    [InlineData("/api/v1/agent-tasks/{uuid}", "get", "200")]
    [InlineData("/api/v1/agent-tasks", "post", "200")]
    public async Task Reads_and_creates_document_the_ETag_they_answer(string path, string method, string success)
    {
        AssertETagHeader(await OperationAsync(path, method), success);
    }

    [Theory]
    [InlineData("/api/v1/tasks", "get")]
    [InlineData("/api/v1/agent-tasks", "get")]
    [InlineData("/api/v1/agent-tasks/by-repository", "get")]
    public async Task Lists_document_no_ETag(string path, string method)
    {
        var ok = (await OperationAsync(path, method)).GetProperty("responses").GetProperty("200");
        Assert.False(ok.TryGetProperty("headers", out var headers) && headers.TryGetProperty("ETag", out _));
    }

    [Fact]
    public async Task Statistics_take_no_If_Match_because_increments_commute()
    {
        var operation = await OperationAsync("/api/v1/agent-tasks/{uuid}/statistics", "post");
        Assert.DoesNotContain(Parameters(operation), p => p.GetProperty("name").GetString() == "If-Match");
    }

    private async Task<JsonElement> OperationAsync(string path, string method)
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");
        return document.GetProperty("paths").GetProperty(path).GetProperty(method);
    }

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [];

    private static void AssertIfMatchParameter(JsonElement operation)
    {
        var ifMatch = Assert.Single(Parameters(operation), p => p.GetProperty("name").GetString() == "If-Match");
        Assert.Equal("header", ifMatch.GetProperty("in").GetString());
        Assert.False(ifMatch.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.Contains("412", ifMatch.GetProperty("description").GetString());
    }

    private static void AssertETagHeader(JsonElement operation, string status)
    {
        var response = operation.GetProperty("responses").GetProperty(status);
        Assert.True(response.TryGetProperty("headers", out var headers) && headers.TryGetProperty("ETag", out _),
            $"response {status} documents no ETag: {response}");
    }
}
