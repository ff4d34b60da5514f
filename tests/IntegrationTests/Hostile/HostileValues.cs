namespace NakamuraMisaki.IntegrationTests.Hostile;

/// <summary>What a chat user, a buggy client or an attacker may send. JSON fragments are raw JSON text.</summary>
internal static class HostileValues
{
    /// <summary>Text a chat user can type: each must be stored and read back byte for byte when accepted.</summary>
    public static readonly string[] Texts =
    [
        "資料を作る", "𠮷野家で🍣を食べる", "👨‍👩‍👧‍👦 family", "e\u0301 combining", "مرحبا RTL \u202Eevil\u202C", "zero\u200Bwidth\u200D",
        "tab\tnewline\ncarriage\rbell\u0007", "'; DROP TABLE tasks; --", "<script>alert(1)</script>", "%00 %s %n {0}",
        "\\u0000 escaped backslash", "  leading and trailing  ", "ＦＵＬＬＷＩＤＴＨ ｶﾀｶﾅ", "\uFEFFBOM", "Ω≈ç√∫˜µ≤≥÷",
    ];

    /// <summary>JSON values that are wrong in type, range or content for most fields.</summary>
    public static readonly string[] JsonFragments =
    [
        "null", "0", "-1", "9223372036854775808", "-9223372036854775809", "1e309", "1.5", "true", "[]", "{}", "[1,2,3]",
        "\"\"", "\"   \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"",
        "\"2026-02-30T00:00:00Z\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"not a date\"",
        "\"" + new string('x', 100_000) + "\"", "[" + string.Join(',', Enumerable.Repeat("\"a\"", 10_000)) + "]",
        "{\"$ref\":\"#/x\"}", "\"' OR '1'='1\"", "\"U0ALICE01'; --\"",
    ];

    /// <summary>Whole bodies that are not the JSON object an endpoint expects.</summary>
    public static readonly string[] Bodies =
    [
        "", "{", "}", "[]", "null", "\"text\"", "123", "{\"a\":1,}", "{'single':'quotes'}", "\uFEFF{}",
        string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100),
        "[" + string.Join(',', Enumerable.Repeat("{}", 50_000)) + "]",
    ];

    /// <summary>Query-string and path values (already URL-encoded).</summary>
    public static readonly string[] UrlValues =
    [
        "", "%20", "-1", "0", "99999999999999999999", "abc", "1.5", "true", "%00", "a%00b", "%ED%A0%80",
        "%27%20OR%201%3D1%20--", "%3Cscript%3E", "%F0%A0%AE%B7", "2026-02-30", "Mars%2FOlympus", "..%2F..%2Fetc%2Fpasswd",
        new string('x', 4000),
    ];
}
