namespace NakamuraMisaki.Api.Concurrency;

/// <summary>
/// The If-Match request header, bound by minimal APIs through <see cref="TryParse"/>: add
/// <c>[FromHeader(Name = IfMatch.HeaderName)] IfMatch? ifMatch</c> to a write endpoint and pass
/// <c>ifMatch?.Version</c> to the command's ExpectedVersion. Absent header: null (last writer wins).
/// A value that does not parse answers 400 naming the header (see ErrorHandling/BindingFailure).
/// </summary>
/// <param name="Version">The version the client based its change on; null for <c>*</c> (any current version).</param>
public readonly record struct IfMatch(uint? Version)
{
    public const string HeaderName = "If-Match";

    public const string Accepted = "one strong entity tag exactly as this API sent it in ETag (such as \"1234\"), or *";

    /// <summary>
    /// Accepts <c>*</c> or one strong tag. A list of tags is valid HTTP but refused here: this API issues one version
    /// per resource, so a list only hides a client bug. Weak tags are refused because they never match If-Match.
    /// </summary>
    public static bool TryParse(string? value, out IfMatch ifMatch)
    {
        var text = value.AsSpan().Trim();
        if (text is "*")
        {
            ifMatch = new IfMatch(null);
            return true;
        }

        var parsed = EntityTag.TryParse(text, out var version);
        ifMatch = new IfMatch(parsed ? version : null);
        return parsed;
    }
}
