namespace NakamuraMisaki.Api.CommandLine.Health;

/// <summary>
/// <c>NakamuraMisaki.Api healthcheck [base-url]</c>: GETs /health/ready of the service on this machine and exits 0 when
/// it is ready, 1 otherwise. The container's health check runs it, because the aspnet runtime image has no wget or curl.
/// </summary>
internal static class HealthProbeCommand
{
    public const string Verb = "healthcheck";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        var baseUrl = args.Length > 1 ? args[1] : LoopbackUrl(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(new Uri(baseUrl), "/health/ready"));
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            Console.Error.WriteLine($"{baseUrl}: {e.Message}");
            return 1;
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
