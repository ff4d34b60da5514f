namespace NakamuraMisaki.IntegrationTests.Hostile;

/// <summary>
/// Raw JSON that must be refused with a 400 naming where it is wrong: built as text, because lone surrogates and
/// duplicate keys cannot live in a JsonNode. <c>{0}</c> in a template is where the hostile piece goes.
/// </summary>
internal static class HostileJson
{
    /// <summary>String literals PostgreSQL cannot store (jsonb refuses NUL; nothing can encode a lone surrogate).</summary>
    public static readonly string[] UnstorableStrings = ["\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", "\"x\\udbff\""];

    /// <summary>Where a string goes inside a free-form JSON value, and the path the answer must name (after the field).</summary>
    public static readonly (string Template, string Path)[] StringPlaces =
    [
        ("{{\"k\":{0}}}", ".k"), ("{{\"a\":[1,{{\"b\":{0}}}]}}", ".a[1].b"), ("{{{0}:1}}", ""), ("{{\"a\":{{{0}:true}}}}", ".a"),
    ];

    /// <summary>A free-form value with a duplicate key, and the path of that key.</summary>
    public static readonly (string Json, string Path)[] DuplicateKeys =
    [
        ("{\"k\":1,\"k\":2}", ".k"), ("{\"a\":[{\"k\":\"x\",\"k\":\"y\"}]}", ".a[0].k"),
    ];

    /// <summary>
    /// Nesting depths of a stored value: shallow, around a plausible limit, and the 30-31 that once made a list 500.
    /// Whatever is accepted must be readable by every GET afterwards.
    /// </summary>
    public static readonly int[] Depths = [2, 8, 15, 16, 17, 20, 24, 28, 29, 30, 31];

    /// <summary>Content types that are JSON but cannot be read.</summary>
    public static readonly string[] UnreadableContentTypes = ["application/json; charset=bogus", "application/json;charset=x-unknown-8"];

    public static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);

    /// <summary>The body with <paramref name="property"/> written twice, the second time with another valid-looking value.</summary>
    public static string WithDuplicate(string bodyJson, string property, string rawValue) =>
        bodyJson[..^1] + (bodyJson.Length > 2 ? "," : "") + $"\"{property}\":{rawValue}}}";

    /// <summary>Other spellings of an HTTP method: methods are case-sensitive, so each is a different (unknown) method.</summary>
    public static string[] OtherCasings(string method) => [method.ToLowerInvariant(), method[..1] + method[1..].ToLowerInvariant()];

    /// <summary>"title" → "Title", "due_at" → "Due_at": the same name in another case, which must be an unknown field.</summary>
    public static string OtherCasing(string property) => char.ToUpperInvariant(property[0]) + property[1..];
}
