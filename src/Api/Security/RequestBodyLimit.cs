namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Bodies over the limit are refused with 413 before anything reads them. Kestrel enforces the same limit on chunked
/// bodies; this check also covers hosts without Kestrel's limit (the in-process test server).
/// </summary>
internal static class RequestBodyLimit
{
    public const string Key = "Limits:MaxRequestBodyBytes";
    public const long Default = 1024 * 1024;

    public static void AddRequestBodyLimit(this WebApplicationBuilder builder)
    {
        var max = builder.Configuration.GetValue(Key, Default);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = max);
    }

    public static void UseRequestBodyLimit(this WebApplication app)
    {
        var max = app.Configuration.GetValue(Key, Default);
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > max)
            {
                throw new BadHttpRequestException(
                    $"The request body is larger than {max} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            return next(context);
        });
    }
}
