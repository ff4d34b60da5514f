using System.Text;
using System.Web;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>
/// Refuses a query string whose percent-encoded bytes are not UTF-8 (a lone surrogate such as <c>%ED%A0%80</c>, a
/// stray <c>%FF</c>): 400 naming the parameter. ASP.NET leaves such a sequence undecoded, so the endpoint would
/// otherwise search for the literal text "%ED%A0%80".
/// </summary>
internal sealed class Utf8QueryStringFilter : IEndpointFilter
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var raw = context.HttpContext.Request.QueryString.Value;
        foreach (var pair in (raw ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = pair.IndexOf('=') is var at and >= 0 ? (pair[..at], pair[(at + 1)..]) : (pair, "");
            if (!IsUtf8(name) || !IsUtf8(value))
            {
                var parameter = IsUtf8(name) ? HttpUtility.UrlDecode(name) : "query";
                return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [parameter] = [$"'{parameter}' must be percent-encoded UTF-8 (no unpaired surrogates or invalid bytes)."],
                }));
            }
        }

        return next(context);
    }

    private static bool IsUtf8(string encoded)
    {
        try
        {
            Strict.GetString(HttpUtility.UrlDecodeToBytes(encoded, Encoding.ASCII));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
