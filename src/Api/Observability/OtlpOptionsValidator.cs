using Microsoft.Extensions.Options;

namespace NakamuraMisaki.Api.Observability;

internal sealed class OtlpOptionsValidator : IValidateOptions<OtlpOptions>
{
    public ValidateOptionsResult Validate(string? name, OtlpOptions options) =>
        options.Endpoint is null || options.IsExportable
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Otlp:Endpoint '{options.Endpoint}' must be an absolute http:// or https:// URL, such as http://localhost:4317.");
}
