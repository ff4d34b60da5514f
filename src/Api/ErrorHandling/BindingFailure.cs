using System.Text.RegularExpressions;
using NakamuraMisaki.Api.Concurrency;

namespace NakamuraMisaki.Api.ErrorHandling;

/// <summary>
/// Reads the parameter name out of ASP.NET Core's route/query binding failures, e.g.
/// «Failed to bind parameter "Guid id" from "abc".», «Required parameter "string assignee" was not provided…» or
/// «Implicit body inferred for parameter "body" but no body was provided…».
/// </summary>
internal static partial class BindingFailure
{
    public static (string Name, string Message)? TryParse(string message)
    {
        if (BindFailed().Match(message) is { Success: true } bind)
        {
            // A header is reported under its own name, which is what the client sent.
            if (bind.Groups["type"].Value is nameof(IfMatch) or nameof(IfMatch) + "?" or "Nullable<" + nameof(IfMatch) + ">")
            {
                return (IfMatch.HeaderName, $"{IfMatch.HeaderName} takes {IfMatch.Accepted}.");
            }

            var value = bind.Groups["value"].Value;
            return (bind.Groups["name"].Value, $"'{Truncate(value)}' is not a valid {Describe(bind.Groups["type"].Value)}.");
        }

        if (message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return ("body", "A JSON body is required.");
        }

        if (Missing().Match(message) is { Success: true } missing)
        {
            return (missing.Groups["name"].Value, $"'{missing.Groups["name"].Value}' is required.");
        }

        return null;
    }

    private static string Describe(string type) => type.TrimEnd('?') switch
    {
        "Guid" => "id (a UUID)",
        "int" or "Int32" or "long" or "Int64" => "whole number",
        "bool" or "Boolean" => "boolean (true or false)",
        "DateTimeOffset" => "date-time (ISO 8601 with offset)",
        var other => other,
    };

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from "(?<value>.*)"\.?$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?<type>[^ "]+) (?<name>[^"]+)" was not provided""")]
    private static partial Regex Missing();
}
