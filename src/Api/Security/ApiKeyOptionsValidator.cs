using Microsoft.Extensions.Options;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Runs at startup and on every change of the keys: a service that cannot authenticate anyone, has a malformed hash or
/// an unknown scope name, does not start, and a bad change is refused (the keys before it stay in force, see
/// <see cref="ApiKeyStore"/>). A key without scopes is allowed everything, and said so, naming its client.
/// </summary>
public sealed class ApiKeyOptionsValidator(ILogger<ApiKeyOptionsValidator> logger) : IValidateOptions<ApiKeyOptions>
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
                : k.ScopeNames.FirstOrDefault(s => ApiScopeNames.Parse(s) is null) is { } unknown
                    ? $"Auth:ApiKeys:{i}:Scopes names '{unknown}', which is no scope; the scopes are: {string.Join(' ', ApiScopeNames.All)}."
                : null)
            .OfType<string>().ToArray();
        if (errors.Length > 0)
        {
            return ValidateOptionsResult.Fail(errors);
        }

        foreach (var client in options.ApiKeys.Where(k => !k.HasScopes).Select(k => k.Client).Distinct())
        {
            logger.LogWarning(
                "API client {Client} has a key with no Auth:ApiKeys:N:Scopes: it may do everything, maintenance included. " +
                "Give it the scopes it needs (docs/operations.md#api-keys-and-scopes)", client);
        }

        return ValidateOptionsResult.Success;
    }
}
