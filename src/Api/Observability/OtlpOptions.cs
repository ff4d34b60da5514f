using OpenTelemetry.Exporter;

namespace NakamuraMisaki.Api.Observability;

/// <summary>The "Otlp" section (env: Otlp__Endpoint=http://collector:4317). Unset endpoint = no OTLP export.</summary>
internal sealed class OtlpOptions
{
    public const string Section = "Otlp";

    /// <summary>Collector base address, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HTTP).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Grpc (port 4317) or HttpProtobuf (port 4318).</summary>
    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>An absolute http(s) URL: anything else could not reach a collector.</summary>
    public bool IsExportable =>
        Endpoint is { IsAbsoluteUri: true } uri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
