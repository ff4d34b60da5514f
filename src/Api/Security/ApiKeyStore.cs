using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// Checks a presented key against the configured hashes. Every configured hash is compared, in constant time, whatever
/// matched earlier: the time taken says nothing about which key or how much of it was right.
/// The keys are read through <see cref="IOptionsMonitor{TOptions}"/>: a changed configuration replaces the whole set at
/// once (a removed key is refused from the next request on), and a change the validator refuses leaves the set in
/// force. Each key's last use is kept with it and exported as a gauge, named by a fingerprint of its hash.
/// </summary>
public sealed class ApiKeyStore : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly IDisposable? _subscription;
    private ConfiguredKey[] _keys;

    public ApiKeyStore(IOptionsMonitor<ApiKeyOptions> options, TimeProvider clock, AppMeter meter)
    {
        _clock = clock;
        _keys = Build(options.CurrentValue.ApiKeys, []);
        _subscription = options.OnChange(changed => _keys = Build(changed.ApiKeys, Volatile.Read(ref _keys)));
        meter.Meter.CreateObservableGauge("nakamura_misaki.auth.key_last_used", ObserveLastUse, "s",
            "When each configured API key was last accepted (Unix seconds), by client and key_id (the first 8 hex " +
            "digits of the key's configured SHA-256); a key never used since the start or its configuration is absent.");
    }

    /// <summary>The key's identity and scopes when <paramref name="presentedKey"/> is a configured key; null otherwise.</summary>
    public ClaimsPrincipal? Find(ReadOnlySpan<char> presentedKey)
    {
        var byteCount = Encoding.UTF8.GetByteCount(presentedKey);
        var rented = byteCount > 512 ? ArrayPool<byte>.Shared.Rent(byteCount) : null;
        Span<byte> bytes = rented ?? stackalloc byte[512];
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(presentedKey, bytes)], presented);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        ConfiguredKey? found = null;
        foreach (var key in Volatile.Read(ref _keys))
        {
            if (CryptographicOperations.FixedTimeEquals(presented, key.Hash))
            {
                found = key;
            }
        }

        if (found is null)
        {
            return null;
        }

        // Written at most once a second per key: every request writing one shared field would contend across cores.
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        if (Volatile.Read(ref found.LastUsedUnixSeconds) != now)
        {
            Volatile.Write(ref found.LastUsedUnixSeconds, now);
        }

        return found.Principal;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public void Dispose() => _subscription?.Dispose();

    private static ConfiguredKey[] Build(IEnumerable<ApiKeyEntry> entries, ConfiguredKey[] before) =>
        entries.Select(entry =>
        {
            var key = new ConfiguredKey(entry.Client, Convert.FromHexString(entry.Sha256), entry.GrantedScopes);
            // The same key under the same client keeps its last use across a reload.
            key.LastUsedUnixSeconds = before.FirstOrDefault(b => b.Hash.AsSpan().SequenceEqual(key.Hash) && b.Client == key.Client)
                ?.LastUsedUnixSeconds ?? 0;
            return key;
        }).ToArray();

    private IEnumerable<System.Diagnostics.Metrics.Measurement<long>> ObserveLastUse() =>
        Volatile.Read(ref _keys).Where(k => Volatile.Read(ref k.LastUsedUnixSeconds) > 0).Select(k =>
            new System.Diagnostics.Metrics.Measurement<long>(k.LastUsedUnixSeconds,
                new KeyValuePair<string, object?>("client", k.Client), new KeyValuePair<string, object?>("key_id", k.Id)));

    private sealed class ConfiguredKey(string client, byte[] hash, ApiScopes scopes)
    {
        public long LastUsedUnixSeconds;

        public string Client { get; } = client;

        public byte[] Hash { get; } = hash;

        /// <summary>Never the key: 8 hex digits of its hash, enough to tell a client's two keys apart while rotating.</summary>
        public string Id { get; } = Convert.ToHexStringLower(hash)[..8];

        public ClaimsPrincipal Principal { get; } = new(new ApiKeyIdentity(client, scopes));
    }
}
