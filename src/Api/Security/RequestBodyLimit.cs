using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Bodies over Limits:MaxRequestBodyBytes are refused with 413 before anything reads them. Kestrel enforces the same
/// limit on chunked bodies; this check also covers hosts without Kestrel's limit (the in-process test server).
/// </summary>
internal static class RequestBodyLimit
{
    public static void AddRequestBodyLimit(this IServiceCollection services) =>
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);

    public static void UseRequestBodyLimit(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<RequestLimitsOptions>>();
        app.Use((context, next) =>
        {
            var max = limits.Value.MaxRequestBodyBytes;
            if (context.Request.ContentLength > max)
            {
                throw new Microsoft.AspNetCore.Http.BadHttpRequestException(
                    $"The request body is larger than {max} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            return next(context);
        });
    }
}
