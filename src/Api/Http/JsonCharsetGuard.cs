using NakamuraMisaki.Api.ErrorHandling;
using Microsoft.Net.Http.Headers;

namespace NakamuraMisaki.Api.Http;

/// <summary>
/// A JSON body whose Content-Type names a charset .NET does not know ("charset=bogus") cannot be read; the framework
/// throws a plain InvalidOperationException (a 500) when the endpoint binds it. It is the client's mistake: 415.
/// </summary>
internal static class JsonCharsetGuard
{
    public static void UseJsonCharsetGuard(this WebApplication app) => app.Use((context, next) =>
        UnknownCharset(context.Request.ContentType) is { } contentType
            ? Problems.WriteAsync(context, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Content-Type '{contentType}' names a charset this API cannot read; send application/json " +
                "(UTF-8, with or without charset=utf-8).")).AsTask()
            : next(context));

    // Cheap on the common path: most requests have no charset parameter at all.
    private static string? UnknownCharset(string? contentType) =>
        contentType is not null && contentType.Contains("charset", StringComparison.OrdinalIgnoreCase)
        && MediaTypeHeaderValue.TryParse(contentType, out var media) && media.Charset.HasValue && media.Encoding is null
            ? contentType
            : null;
}
