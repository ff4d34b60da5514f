namespace NakamuraMisaki.Api.CommandLine.Health;

/// <summary>
/// <c>NakamuraMisaki.Api healthcheck [base-url]</c>: GETs /health/ready of the service on this machine and exits 0 when
/// it is ready, 1 otherwise. The container's health check runs it, because the aspnet runtime image has no wget or curl.
/// </summary>
internal static class HealthProbeCommand
{
    public const string Verb = "healthcheck";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output,
        Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        // The service's configuration says where it listens (ASPNETCORE_URLS, or urls in appsettings); no database.
        var builder = CommandHost.CreateBuilder();
        configure?.Invoke(builder);
        var baseUrl = args.Count > 0 ? args[0] : LoopbackUrl(builder.Configuration["urls"]);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(new Uri(baseUrl), "/health/ready"), cancellationToken);
            await output.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return response.IsSuccessStatusCode ? ExitCodes.Success : ExitCodes.Problems;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await output.WriteLineAsync($"{baseUrl}: {e.Message}");
            return ExitCodes.Problems;
        }
    }

    /// <summary>The first URL the service listens on ("http://+:8080"), as reachable from the same machine.</summary>
    private static string LoopbackUrl(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return "http://127.0.0.1:8080";
        }

        var hostStart = first.IndexOf("://", StringComparison.Ordinal) + 3;
        var portStart = first.LastIndexOf(':');
        return portStart < hostStart ? first : first[..hostStart] + "127.0.0.1" + first[portStart..];
    }
}
