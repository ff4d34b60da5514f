using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Observability;

/// <summary>The console log format per environment, and that lines logged in a request carry its ids.</summary>
public sealed class LoggingConfigurationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    [Fact]
    public async Task Production_logs_are_json_lines_with_request_id_and_trace_id()
    {
        var line = await LogOneRequestAsync("Production", "json");

        using var json = JsonDocument.Parse(line);
        Assert.Equal("Information", json.RootElement.GetProperty("LogLevel").GetString());
        var scopes = json.RootElement.GetProperty("Scopes").EnumerateArray().ToArray();
        var traceId = scopes.Single(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _))
            .GetProperty("TraceId").GetString();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out _));
    }

    [Fact]
    public async Task Development_logs_are_readable_text_with_request_id_and_trace_id()
    {
        var line = await LogOneRequestAsync("Development", "simple");

        Assert.StartsWith("info: ", line.TrimStart(' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':'));
        Assert.Matches("TraceId:[0-9a-f]{32}", line);
        Assert.Contains("RequestId:", line);
    }

    /// <summary>Starts the API in <paramref name="environment"/>, serves one request and returns its "Request starting" line.</summary>
    private async Task<string> LogOneRequestAsync(string environment, string expectedFormatter)
    {
        RecordingConsoleProvider? recorder = null;
        using var host = Factory.WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .ConfigureServices(services => services.AddSingleton<ILoggerProvider>(sp =>
            {
                var name = sp.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName;
                recorder = new RecordingConsoleProvider(sp.GetServices<ConsoleFormatter>().Single(f => f.Name == name));
                return recorder;
            }))
            // The request log is at Information, below the configured level for Microsoft.AspNetCore; record it here only.
            .ConfigureLogging(logging => logging.AddFilter<RecordingConsoleProvider>(null, LogLevel.Information)));
        using var client = host.CreateClient();

        (await client.GetAsync("/health/live")).EnsureSuccessStatusCode();

        Assert.Equal(expectedFormatter, host.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
        return Assert.Single(recorder!.Lines, l => l.Category == RequestLogCategory && l.Text.Contains("Request starting"))
            .Text;
    }
}
