using Microsoft.Extensions.Options;

namespace NakamuraMisaki.Api.Security;

internal sealed class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestLimitsOptions options) =>
        options is { MaxRequestBodyBytes: >= 1, MaxMessageBodyBytes: >= 1 }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Limits:MaxRequestBodyBytes and Limits:MaxMessageBodyBytes must be at least 1 (bytes).");
}
