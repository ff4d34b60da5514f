using System.Net;
using System.Text;
using System.Text.Json;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.IntegrationTests.Hostile;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using Xunit.Abstractions;

namespace NakamuraMisaki.IntegrationTests.Security;

/// <summary>
/// For every operation of the served document: a key holding every scope but one the operation requires is refused
/// (403) and nothing stored changes; a key holding only the required scopes is not refused. New operations are
/// covered by default, and an operation whose document and check disagree fails here.
/// </summary>
public sealed class ScopeMatrixTests(ApiFactory factory, ITestOutputHelper output) : ApiTest(factory)
{
    private readonly StoredRows _stored = new(factory.Database.ConnectionString);

    [Fact]
    public async Task Every_operation_refuses_a_key_without_its_scopes_and_admits_one_with_only_them()
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");
        var operations = OpenApiOperation.ReadAll(document);
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            var required = RequiredScopes(document, operation);
            if (required.Length == 0)
            {
                failures.Add($"{operation.Method} {operation.Path}: no scope required");
                continue;
            }

            foreach (var scope in required)
            {
                var others = string.Join(' ', ApiScopeNames.All.Where(s => s != scope));
                var before = await _stored.FingerprintAsync();
                var refused = await SendAsync(document, operation, others);
                if (refused.Status != 403 || !refused.Body.Contains(scope, StringComparison.Ordinal))
                {
                    failures.Add($"{operation.Method} {operation.Path} without {scope}: {refused.Status} {refused.Body}");
                }
                else if (await _stored.FingerprintAsync() != before)
                {
                    failures.Add($"{operation.Method} {operation.Path} without {scope}: 403, but something was stored");
                }
            }

            var admitted = await SendAsync(document, operation, string.Join(' ', required));
            if (admitted.Status is 401 or 403)
            {
                failures.Add($"{operation.Method} {operation.Path} with only {string.Join(' ', required)}: {admitted.Status} {admitted.Body}");
            }
        }

        output.WriteLine($"{operations.Count} operations checked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string[] RequiredScopes(JsonElement document, OpenApiOperation operation) =>
        document.GetProperty("paths").GetProperty(operation.Path).GetProperty(operation.Method.ToLowerInvariant())
            .GetProperty("security").EnumerateArray()
            .SelectMany(requirement => requirement.GetProperty(OpenApiSecurity.SchemeId).EnumerateArray())
            .Select(s => s.GetString()!).ToArray();

    private async Task<(int Status, string Body)> SendAsync(JsonElement document, OpenApiOperation operation, string scopes)
    {
        const string key = "matrix-key";
        Factory.Keys.Set(("matrix", key, scopes));
        using var client = Factory.CreateClientWithKey(key);
        var path = operation.Parameters.Where(p => p.In == "path")
            .Aggregate(operation.Path, (current, p) => current.Replace($"{{{p.Name}}}", ValidValues.ForParameter(p.Name, p.Schema)));
        var query = string.Join('&', operation.Parameters.Where(p => p.In == "query" && p.Required)
            .Select(p => $"{p.Name}={ValidValues.ForParameter(p.Name, p.Schema)}"));
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), query.Length == 0 ? path : $"{path}?{query}");
        if (operation.BodySchema is { } schema)
        {
            request.Content = new StringContent(ValidValues.Body(document, schema).ToJsonString(), Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
