using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using OpenTelemetry.Trace;

namespace NakamuraMisaki.IntegrationTests.Observability;

public sealed class OtlpExportTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task With_an_otlp_endpoint_request_and_database_spans_are_exported()
    {
        using var collector = new OtlpReceiver();
        using var host = Factory.WithWebHostBuilder(b => b
            .UseSetting("Otlp:Endpoint", collector.Endpoint.ToString())
            .UseSetting("Otlp:Protocol", "HttpProtobuf"));
        using var client = host.CreateClient();
        var task = await client.CreateTaskAsync();
        await client.GetOkJsonAsync($"{TaskRequests.Route}/{task.Id()}");

        // The batch exporter would send within 5 s; flushing sends now.
        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));

        // OTLP bodies are protobuf; span names and attribute values are plain UTF-8 inside them.
        var traces = string.Join('\n', collector.Bodies("/v1/traces").Select(Encoding.UTF8.GetString));
        Assert.Contains("GET /api/v1/tasks/{id}", traces); // the ASP.NET Core server span
        Assert.Contains("postgresql", traces); // an Npgsql command span (db.system.name)
        Assert.Contains("NakamuraMisaki", traces); // service.name
    }

    [Fact]
    public void Without_an_otlp_endpoint_nothing_is_traced()
    {
        Assert.Null(Factory.Services.GetService<TracerProvider>());
    }
}
