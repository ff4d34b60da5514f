using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.OpenApi;

/// <summary>
/// Hands the document the service serves to the npm checks of scripts/test.sh (Spectral, Redocly, a generated
/// TypeScript client): they lint exactly what a client downloads, not a copy kept by hand.
/// </summary>
public sealed class ServedOpenApiDocumentTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>Set by scripts/test.sh; unset, the test only checks the document is served.</summary>
    public const string OutputVariable = "OPENAPI_DOCUMENT_OUT";

    [Fact]
    public async Task The_served_document_is_written_for_the_npm_checks()
    {
        using var anonymous = Factory.CreateAnonymousClient();
        var text = await anonymous.GetStringAsync("/openapi/v1.json");

        Assert.StartsWith("3.", System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("openapi").GetString());
        if (Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, text);
        }
    }
}
