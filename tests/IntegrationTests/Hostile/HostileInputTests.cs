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
    private readonly StoredRows _stored = new(factory.Database.ConnectionString);
    private OpenApiOperation[] _reads = [];
    private Dictionary<string, string> _seeds = [];

    [Fact]
    public async Task Every_endpoint_answers_hostile_input_with_2xx_or_4xx_problem_details_and_keeps_text_intact()
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");
        var operations = OpenApiOperation.ReadAll(document).OrderBy(o => o.Method == "DELETE").ToArray();
        Assert.NotEmpty(operations);
        var seeds = _seeds = await SeedAsync(document, operations);
        _reads = operations.Where(o => o.Method == "GET").ToArray();
        Assert.NotEmpty(operations.SelectMany(o => o.FreeFormJsonFields(document))); // options of sessions, at least

        foreach (var operation in operations)
        {
            await RunAsync(document, operation, seeds);
        }

        output.WriteLine($"{_answers.Values.Sum()} requests over {operations.Length} operations: " +
                         string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{a.Key} x{a.Value}")));
        foreach (var failure in _failures)
        {
            output.WriteLine(failure);
        }

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

        var status = await CheckAsync(operation, path, query, body?.ToJsonString());
        await CheckMethodRulesAsync(operation, Uri(path, query), body?.ToJsonString(), status);

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
        await CheckJsonRulesAsync(document, operation, Uri(path, query), body);
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

    private async Task<int> CheckAsync(
        OpenApiOperation operation, string path, IReadOnlyDictionary<string, string> query, string? body,
        (string Property, string Text)? sentText = null)
    {
        var (response, described) = await SendCheckedAsync(operation.Method, Uri(path, query), body);
        if ((int)response.StatusCode < 300 && sentText is var (property, text))
        {
            await CheckReadBackAsync(response, operation, path, property, text, described);
        }

        return (int)response.StatusCode;
    }

    /// <summary>
    /// Sends and checks what every answer must be: never 5xx, 4xx as problem details, and a refused request stores
    /// nothing (no row inserted, changed or deleted anywhere).
    /// </summary>
    private async Task<(HttpResponseMessage Response, string Described)> SendCheckedAsync(
        string method, string uri, string? body, string contentType = "application/json")
    {
        var before = method is "GET" or "HEAD" ? null : await _stored.FingerprintAsync();
        var response = await SendAsync(method, uri, body, contentType);
        var status = (int)response.StatusCode;
        _answers[$"{status / 100}xx"] = _answers.GetValueOrDefault($"{status / 100}xx") + 1;
        var described = $"{method} {Shorten(uri)} {(contentType == "application/json" ? "" : contentType + " ")}body={Shorten(body ?? "-")} → {status}";
        if (status >= 500)
        {
            _failures.Add(described + ": " + Shorten(await response.Content.ReadAsStringAsync()));
        }
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            _failures.Add(described + ": not problem details");
        }
        else if (status >= 400 && before is not null && await _stored.FingerprintAsync() != before)
        {
            _failures.Add(described + ": refused, but something was stored");
        }

        return (response, described);
    }

    /// <summary>A request that must be refused (4xx), with problem details whose text names <paramref name="named"/>.</summary>
    private async Task CheckRefusedAsync(string method, string uri, string body, string named, string contentType = "application/json")
    {
        var (response, described) = await SendCheckedAsync(method, uri, body, contentType);
        var status = (int)response.StatusCode;
        if (status < 400)
        {
            _failures.Add(described + $": accepted, should be refused naming '{named}'");
        }
        else if (status < 500 && !Names(await response.Content.ReadAsStringAsync(), named))
        {
            _failures.Add(described + $": the problem does not name '{named}': " + Shorten(await response.Content.ReadAsStringAsync()));
        }
    }

    /// <summary>Validation problems name the field as a key of "errors"; other problems say it in their text.</summary>
    private static bool Names(string problem, string named) =>
        JsonNode.Parse(problem) is JsonObject json && (json["errors"] is JsonObject errors
            ? errors.ContainsKey(named)
            : WithoutSpaces(json.ToJsonString()).Contains(WithoutSpaces(JsonSerializer.Serialize(named)[1..^1]), StringComparison.Ordinal));

    private static string WithoutSpaces(string text) => text.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>HEAD answers like GET on every GET route; another casing of the method is another, unknown method.</summary>
    private async Task CheckMethodRulesAsync(OpenApiOperation operation, string uri, string? body, int status)
    {
        if (operation.Method == "GET")
        {
            var (head, described) = await SendCheckedAsync("HEAD", uri, null);
            if ((int)head.StatusCode != status)
            {
                _failures.Add($"{described}: GET answered {status}");
            }
        }

        foreach (var method in HostileJson.OtherCasings(operation.Method))
        {
            await CheckRefusedAsync(method, uri, body ?? "", method);
        }
    }

    /// <summary>
    /// JSON rules for a body: a readable content type, each field once and spelt exactly, and in every free-form JSON
    /// field (stored as jsonb) only storable text, no duplicate keys, and a depth every response can carry.
    /// </summary>
    private async Task CheckJsonRulesAsync(JsonElement document, OpenApiOperation operation, string uri, JsonObject body)
    {
        var json = body.ToJsonString();
        foreach (var contentType in HostileJson.UnreadableContentTypes)
        {
            await CheckRefusedAsync(operation.Method, uri, json, contentType, contentType);
        }

        foreach (var property in body.Select(p => p.Key).ToArray())
        {
            var value = body[property]?.ToJsonString() ?? "null";
            await CheckRefusedAsync(operation.Method, uri, HostileJson.WithDuplicate(json, property, value), property);
            var renamed = HostileJson.OtherCasing(property);
            if (renamed != property)
            {
                await CheckRefusedAsync(operation.Method, uri, WithRaw(Without(body, property), renamed, value), renamed);
            }
        }

        foreach (var field in operation.FreeFormJsonFields(document))
        {
            foreach (var text in HostileJson.UnstorableStrings)
            {
                foreach (var (template, place) in HostileJson.StringPlaces)
                {
                    await CheckRefusedAsync(operation.Method, uri, WithRaw(body, field, string.Format(template, text)), field + place);
                }
            }

            foreach (var (duplicated, place) in HostileJson.DuplicateKeys)
            {
                await CheckRefusedAsync(operation.Method, uri, WithRaw(body, field, duplicated), field + place);
            }

            foreach (var depth in HostileJson.Depths)
            {
                var (response, _) = await SendCheckedAsync(operation.Method, uri, WithRaw(body, field, HostileJson.Nested(depth)));
                if (response.IsSuccessStatusCode)
                {
                    await CheckEveryReadAsync();
                }
            }
        }
    }

    /// <summary>Every GET after something was stored: what the API accepted, every response must be able to carry.</summary>
    private async Task CheckEveryReadAsync()
    {
        foreach (var read in _reads)
        {
            var path = read.Parameters.Where(p => p.In == "path").Aggregate(read.Path, (current, p) =>
                current.Replace($"{{{p.Name}}}", SeedFor(read.Path, p.Name, _seeds)));
            await SendCheckedAsync("GET", Uri(path, read.Parameters.Where(p => p.In == "query" && p.Required)
                .ToDictionary(p => p.Name, p => ValidValues.ForParameter(p.Name, p.Schema))), null);
        }
    }

    private static string Uri(string path, IReadOnlyDictionary<string, string> query) =>
        query.Count == 0 ? path : path + "?" + string.Join('&', query.Select(q => $"{q.Key}={q.Value}"));

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

    private async Task<HttpResponseMessage> SendAsync(string method, string uri, string? body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        request.Headers.TryAddWithoutValidation("X-Slack-User-Id", ValidValues.ActingUser);
        if (body is not null && method is not ("GET" or "DELETE" or "HEAD"))
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
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
