using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Bodies over the limit are refused with 413 before anything reads them. Kestrel enforces the same limit on chunked
/// bodies; this check also covers hosts without Kestrel's limit (the in-process test server). An endpoint may carry a
/// larger limit of its own (<see cref="IRequestSizeLimitMetadata"/>): message appends take long chat-model answers.
/// </summary>
internal static class RequestBodyLimit
{
    public const string Key = "Limits:MaxRequestBodyBytes";
    public const long Default = 1024 * 1024;

    /// <summary>
    /// Session message appends: a 262,144-character answer is 1.5 MiB as \u-escaped JSON (what Python's json.dumps
    /// and .NET's default encoder send), and a batch holds up to 1,000 messages.
    /// </summary>
    public const string MessagesKey = "Limits:MaxMessageBodyBytes";
    public const long MessagesDefault = 16 * 1024 * 1024;

    public static void AddRequestBodyLimit(this WebApplicationBuilder builder)
    {
        var max = builder.Configuration.GetValue(Key, Default);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = max);
    }

    /// <summary>Gives an endpoint the message-append limit (<see cref="MessagesKey"/>) instead of the general one.</summary>
    public static TBuilder WithMessageBodyLimit<TBuilder>(this TBuilder builder, IConfiguration configuration)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new EndpointBodyLimit(configuration.GetValue(MessagesKey, MessagesDefault)));

    public static void UseRequestBodyLimit(this WebApplication app)
    {
        var max = app.Configuration.GetValue(Key, Default);
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? max;
            if (limit != max && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
            {
                kestrel.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException(
                    $"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            return next(context);
        });
    }

    private sealed record EndpointBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
