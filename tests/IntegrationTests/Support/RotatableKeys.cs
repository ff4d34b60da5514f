using Microsoft.Extensions.Configuration;
using NakamuraMisaki.Api.Security;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// A configuration source of API keys that a test changes while the host runs, as an operator edits a watched keys
/// file: <see cref="Set"/> replaces the keys it holds and raises the reload that IOptionsMonitor listens to. Its keys
/// sit after the factory's own (index <see cref="FirstIndex"/> on), which stay as they are.
/// </summary>
public sealed class RotatableKeys : ConfigurationProvider, IConfigurationSource
{
    private const int FirstIndex = 10;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Replaces the keys; <c>Scopes</c> null means a key configured without scopes.</summary>
    public void Set(params (string Client, string Key, string? Scopes)[] keys)
    {
        Data.Clear();
        for (var i = 0; i < keys.Length; i++)
        {
            var prefix = $"{ApiKeyOptions.Section}:ApiKeys:{FirstIndex + i}:";
            Data[prefix + "Client"] = keys[i].Client;
            Data[prefix + "Sha256"] = ApiKeyStore.Hash(keys[i].Key);
            if (keys[i].Scopes is { } scopes)
            {
                Data[prefix + "Scopes"] = scopes;
            }
        }

        OnReload();
    }

    /// <summary>Sets one raw value (e.g. a malformed hash) and reloads.</summary>
    public void SetRaw(string key, string value)
    {
        Data[key] = value;
        OnReload();
    }

    public void Clear() => Set();
}
