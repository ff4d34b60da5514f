using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Bodies over Limits:MaxRequestBodyBytes are refused with 413 before anything reads them. Kestrel enforces the same
/// limit on chunked bodies; this check also covers hosts without Kestrel's limit (the in-process test server). An
/// endpoint may carry a larger limit of its own (<see cref="IRequestSizeLimitMetadata"/>): message appends take long
/// chat-model answers (Limits:MaxMessageBodyBytes).
/// </summary>
internal static class RequestBodyLimit
{
    public static void AddRequestBodyLimit(this IServiceCollection services) =>
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);

    /// <summary>Gives an endpoint the message-append limit instead of the general one.</summary>
    public static TBuilder WithMessageBodyLimit<TBuilder>(this TBuilder builder, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new EndpointBodyLimit(
            services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxMessageBodyBytes));

    public static void UseRequestBodyLimit(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<RequestLimitsOptions>>();
        app.Use((context, next) =>
        {
            var max = limits.Value.MaxRequestBodyBytes;
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? max;
            if (limit != max && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
            {
                kestrel.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                throw new Microsoft.AspNetCore.Http.BadHttpRequestException(
                    $"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            return next(context);
        });
    }

    private sealed record EndpointBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
