using Microsoft.Extensions.Options;

namespace NakamuraMisaki.Api.Security;

/// <summary>Runs at startup: a service that cannot authenticate anyone, or has a malformed hash, does not start.</summary>
public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        if (options.ApiKeys.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                "No API key is configured. Set Auth__ApiKeys__0__Client and Auth__ApiKeys__0__Sha256 (the hex SHA-256 of " +
                "the key: printf %s \"$KEY\" | sha256sum). In Development a key is generated under .data/ instead.");
        }

        var errors = options.ApiKeys.Select((k, i) =>
                string.IsNullOrWhiteSpace(k.Client) ? $"Auth:ApiKeys:{i}:Client is empty."
                : k.Sha256.Length != 64 || !k.Sha256.All(Uri.IsHexDigit) ? $"Auth:ApiKeys:{i}:Sha256 must be 64 hex characters (SHA-256)."
                : null)
            .OfType<string>().ToArray();
        return errors.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
