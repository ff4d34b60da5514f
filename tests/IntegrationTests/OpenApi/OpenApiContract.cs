extern alias JsonSchemaNet;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JsonSchemaNet::Json.Schema;

namespace NakamuraMisaki.IntegrationTests.OpenApi;

/// <summary>
/// The served OpenAPI document as a judge of real responses: finds the operation a request hit, and checks that the
/// status is documented, the body matches the documented schema (JSON Schema 2020-12, formats checked) and the
/// documented required headers are there.
/// </summary>
public sealed class OpenApiContract
{
    private readonly JsonObject _document;
    private readonly JsonObject _definitions;
    private readonly List<(string Method, Regex Path, string Template, JsonObject Operation)> _operations = [];

    public OpenApiContract(string documentText)
    {
        // Components become $defs of each schema checked, so "#/components/schemas/X" refs resolve as "#/$defs/X".
        _document = JsonNode.Parse(documentText.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        _definitions = _document["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (template, item) in _document["paths"]!.AsObject())
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$");
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject op && op["operationId"] is not null)
                {
                    _operations.Add((method.ToUpperInvariant(), pattern, template, op));
                }
            }
        }
    }

    public IEnumerable<string> OperationIds => _operations.Select(o => (string)o.Operation["operationId"]!);

    /// <returns>The operation id, and what in the response the document does not describe (empty when it all matches).</returns>
    public (string? OperationId, IReadOnlyList<string> Problems) Check(HttpMethod method, string path, int status,
        IEnumerable<string> headers, string? contentType, string body)
    {
        // A literal segment wins over a parameter (/sessions/latest over /sessions/{session_id}), as routing does.
        var operation = _operations.Where(o => o.Method == method.Method && o.Path.IsMatch(path))
            .OrderBy(o => o.Template.Count(c => c == '{')).FirstOrDefault();
        if (operation.Operation is null)
        {
            return (null, [$"{method} {path}: no operation in the document"]);
        }

        var id = (string)operation.Operation["operationId"]!;
        var where = $"{id} {method} {path} → {status}";
        if (operation.Operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response)
        {
            return (id, [$"{where}: status not documented"]);
        }

        var problems = new List<string>();
        var sent = headers.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, header) in response["headers"]?.AsObject() ?? [])
        {
            if (header?["required"]?.GetValue<bool>() == true && !sent.Contains(name))
            {
                problems.Add($"{where}: required header {name} missing");
            }
        }

        var content = response["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            if (body.Length > 0)
            {
                problems.Add($"{where}: a body the document does not describe: {Cut(body)}");
            }

            return (id, problems);
        }

        if (contentType is null || content[contentType]?["schema"] is not JsonObject schema)
        {
            problems.Add($"{where}: content type {contentType} not documented ({string.Join(", ", content.Select(c => c.Key))})");
            return (id, problems);
        }

        var validator = schema.DeepClone().AsObject();
        validator["$defs"] = _definitions.DeepClone();
        var results = JsonSchema.FromText(validator.ToJsonString()).Evaluate(JsonDocument.Parse(body).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!results.IsValid)
        {
            var errors = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            problems.Add($"{where}: body does not match the schema: {string.Join("; ", errors.Take(5))} in {Cut(body)}");
        }

        return (id, problems);
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
