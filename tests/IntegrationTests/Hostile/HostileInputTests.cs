using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using Xunit.Abstractions;

namespace NakamuraMisaki.IntegrationTests.Hostile;

/// <summary>
/// Runs the hostile corpus against every /api operation in the OpenAPI document. Every answer must be 2xx, or 4xx
/// with problem details; never 5xx. Text that is accepted must read back byte for byte.
/// </summary>
public sealed class HostileInputTests(ApiFactory factory, ITestOutputHelper output) : ApiTest(factory)
{
    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _answers = [];

    [Fact]
    public async Task Every_endpoint_answers_hostile_input_with_2xx_or_4xx_problem_details_and_keeps_text_intact()
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");
        var operations = OpenApiOperation.ReadAll(document).OrderBy(o => o.Method == "DELETE").ToArray();
        Assert.NotEmpty(operations);
        var seeds = await SeedAsync(document, operations);

        foreach (var operation in operations)
        {
            await RunAsync(document, operation, seeds);
        }

        output.WriteLine($"{_answers.Values.Sum()} requests over {operations.Length} operations: " +
                         string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{a.Key} x{a.Value}")));
        Assert.True(_failures.Count == 0, $"{_failures.Count} bad answers:\n" + string.Join("\n", _failures.Take(40)));
    }

    /// <summary>Creates one resource per collection, so id-addressed operations meet a real row.</summary>
    private async Task<Dictionary<string, string>> SeedAsync(JsonElement document, IEnumerable<OpenApiOperation> operations)
    {
        var seeds = new Dictionary<string, string>();
        foreach (var create in operations.Where(o => o is { Method: "POST", BodySchema: not null } && !o.Path.Contains('{')))
        {
            var response = await SendAsync("POST", create.Path, ValidValues.Body(document, create.BodySchema!.Value).ToJsonString());
            if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync()) is JsonObject created
                && created.FirstOrDefault(p => p.Key.EndsWith("id", StringComparison.Ordinal) && p.Value is JsonValue).Value is { } id)
            {
                seeds[create.Path] = id.ToString();
            }
        }

        return seeds;
    }

    private async Task RunAsync(JsonElement document, OpenApiOperation operation, Dictionary<string, string> seeds)
    {
        var path = operation.Parameters.Where(p => p.In == "path").Aggregate(operation.Path, (current, p) =>
            current.Replace($"{{{p.Name}}}", SeedFor(operation.Path, p.Name, seeds)));
        var query = operation.Parameters.Where(p => p.In == "query" && p.Required)
            .ToDictionary(p => p.Name, p => ValidValues.ForParameter(p.Name, p.Schema));
        var body = operation.BodySchema is { } schema ? ValidValues.Body(document, schema) : null;

        await CheckAsync(operation, path, query, body?.ToJsonString());

        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            // Kestrel refuses a NUL in the path itself (400) before routing; the in-process test server throws instead.
            foreach (var value in HostileValues.UrlValues.Where(v => v.Length > 0 && !v.Contains("%00", StringComparison.Ordinal)))
            {
                await CheckAsync(operation, operation.Path.Replace($"{{{parameter.Name}}}", value).Replace("{", "").Replace("}", ""), query, body?.ToJsonString());
            }
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            await CheckAsync(operation, path, Without(query, parameter.Name), body?.ToJsonString());
            foreach (var value in HostileValues.UrlValues)
            {
                await CheckAsync(operation, path, With(query, parameter.Name, value), body?.ToJsonString());
            }
        }

        if (body is null)
        {
            return;
        }

        foreach (var raw in HostileValues.Bodies)
        {
            await CheckAsync(operation, path, query, raw);
        }

        await CheckAsync(operation, path, query, With(body, "unexpected_field", JsonValue.Create(1)).ToJsonString());
        foreach (var property in body.Select(p => p.Key).ToArray())
        {
            await CheckAsync(operation, path, query, Without(body, property).ToJsonString());
            foreach (var fragment in HostileValues.JsonFragments)
            {
                await CheckAsync(operation, path, query, WithRaw(body, property, fragment));
            }

            if (body[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                foreach (var text in HostileValues.Texts)
                {
                    await CheckAsync(operation, path, query, With(body, property, JsonValue.Create(text)).ToJsonString(), (property, text));
                }
            }
        }
    }

    private async Task CheckAsync(
        OpenApiOperation operation, string path, IReadOnlyDictionary<string, string> query, string? body,
        (string Property, string Text)? sentText = null)
    {
        var uri = query.Count == 0 ? path : path + "?" + string.Join('&', query.Select(q => $"{q.Key}={q.Value}"));
        var response = await SendAsync(operation.Method, uri, body);
        var status = (int)response.StatusCode;
        _answers[$"{status / 100}xx"] = _answers.GetValueOrDefault($"{status / 100}xx") + 1;
        var described = $"{operation.Method} {Shorten(uri)} body={Shorten(body ?? "-")} → {status}";
        if (status >= 500)
        {
            _failures.Add(described + ": " + Shorten(await response.Content.ReadAsStringAsync()));
        }
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            _failures.Add(described + ": not problem details");
        }
        else if (status < 300 && sentText is var (property, text))
        {
            await CheckReadBackAsync(response, operation, path, property, text, described);
        }
    }

    private async Task CheckReadBackAsync(
        HttpResponseMessage response, OpenApiOperation operation, string path, string property, string text, string described)
    {
        var location = response.Headers.Location?.OriginalString ?? (operation.Method == "PATCH" ? path : null);
        if (location is null)
        {
            return;
        }

        var stored = await SendAsync("GET", location, null);
        if (stored.IsSuccessStatusCode && JsonNode.Parse(await stored.Content.ReadAsStringAsync()) is JsonObject json
            && json[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && value.GetValue<string>() != text)
        {
            _failures.Add($"{described}: '{property}' read back as {JsonSerializer.Serialize(value.GetValue<string>())}, sent {JsonSerializer.Serialize(text)}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string uri, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        request.Headers.TryAddWithoutValidation("X-Slack-User-Id", ValidValues.ActingUser);
        if (body is not null && method is not ("GET" or "DELETE"))
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var response = await Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string SeedFor(string path, string parameter, Dictionary<string, string> seeds)
    {
        var collection = path[..path.IndexOf($"/{{{parameter}}}", StringComparison.Ordinal)];
        return seeds.TryGetValue(collection, out var id) ? id : Guid.NewGuid().ToString();
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> query, string name, string value) =>
        new(query) { [name] = value };

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> query, string name) =>
        query.Where(q => q.Key != name).ToDictionary();

    private static JsonObject With(JsonObject body, string name, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    /// <summary>Splices raw JSON in as text: some fragments (a lone surrogate escape) cannot live in a JsonNode.</summary>
    private static string WithRaw(JsonObject body, string name, string rawJson)
    {
        const string placeholder = "\"__hostile_placeholder__\"";
        return With(body, name, JsonValue.Create("__hostile_placeholder__")).ToJsonString().Replace(placeholder, rawJson);
    }

    private static JsonObject Without(JsonObject body, string name)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove(name);
        return copy;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + $"…({text.Length})";
}
