using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Checks a presented key against the configured hashes. Every configured hash is compared, in constant time, whatever
/// matched earlier: the time taken says nothing about which key or how much of it was right.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly (string Client, byte[] Hash)[] _keys;

    public ApiKeyStore(IOptions<ApiKeyOptions> options)
    {
        _keys = options.Value.ApiKeys.Select(k => (k.Client, Convert.FromHexString(k.Sha256))).ToArray();
    }

    public bool IsEmpty => _keys.Length == 0;

    public string? FindClient(string presentedKey)
    {
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey), presented);
        string? client = null;
        foreach (var (name, hash) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                client = name;
            }
        }

        return client;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
