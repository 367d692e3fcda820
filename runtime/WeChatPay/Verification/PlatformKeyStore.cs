using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace WeChatPay;

/// <summary>
/// The platform keys a client verifies with: the configured ones (WeChat Pay public keys and certificates) plus the
/// downloaded certificates. Thread-safe: reads are lock-free over an immutable snapshot that
/// <see cref="ReplaceDownloaded"/> swaps atomically.
/// </summary>
public sealed class PlatformKeyStore
{
    private readonly PlatformKey[] _configured;
    private readonly TimeProvider _timeProvider;
    private volatile Snapshot _snapshot;

    /// <summary>Creates a store over the configured keys, judging certificate validity by the system clock.</summary>
    public PlatformKeyStore(IEnumerable<PlatformKey> configured)
        : this(configured, TimeProvider.System)
    {
    }

    /// <summary>Creates a store over the configured keys, judging certificate validity by <paramref name="timeProvider"/>.</summary>
    /// <exception cref="WeChatPayConfigurationException">Two configured keys share an ID.</exception>
    public PlatformKeyStore(IEnumerable<PlatformKey> configured, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _configured = configured.ToArray();
        _timeProvider = timeProvider;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in _configured)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(configured));
            if (!ids.Add(NormalizedId(key)))
                throw new WeChatPayConfigurationException($"The platform key {key.Id} is configured twice.");
        }

        _snapshot = new Snapshot(_configured, []);
    }

    /// <summary>Every key: the configured ones first, then the downloaded certificates.</summary>
    public IReadOnlyCollection<PlatformKey> All => _snapshot.All;

    /// <summary>The downloaded certificates.</summary>
    public IReadOnlyCollection<PlatformKey> Downloaded => _snapshot.Downloaded;

    /// <summary>
    /// The key requests name in <c>Wechatpay-Serial</c> and encrypt sensitive fields with: the first configured
    /// WeChat Pay public key; else the currently valid certificate with the latest <see cref="PlatformKey.NotAfter"/>;
    /// <see langword="null"/> when there is none.
    /// </summary>
    public PlatformKey? Preferred
    {
        get
        {
            var all = _snapshot.All;
            foreach (var key in all)
            {
                if (key.Kind == PlatformKeyKind.PublicKey)
                    return key;
            }

            var now = _timeProvider.GetUtcNow();
            PlatformKey? best = null;
            foreach (var key in all)
            {
                if (key.Kind != PlatformKeyKind.Certificate || key.NotBefore > now || key.NotAfter < now)
                    continue;
                if (best is null || key.NotAfter > best.NotAfter)
                    best = key;
            }

            return best;
        }
    }

    /// <summary>
    /// Finds the key that <c>Wechatpay-Serial</c> names. Certificate serials match ignoring case and leading zeros,
    /// since the official SDKs print them differently; public key IDs match exactly.
    /// </summary>
    public bool TryGet(string id, [NotNullWhen(true)] out PlatformKey? key)
    {
        if (string.IsNullOrEmpty(id))
        {
            key = null;
            return false;
        }

        return _snapshot.ById.TryGetValue(Normalize(id), out key);
    }

    /// <summary>Atomically replaces the downloaded certificates; the configured keys stay. A configured key wins over a downloaded one with the same ID.</summary>
    public void ReplaceDownloaded(IReadOnlyCollection<PlatformKey> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var configuredIds = new HashSet<string>(_configured.Select(NormalizedId), StringComparer.Ordinal);
        var downloaded = new List<PlatformKey>(certificates.Count);
        foreach (var certificate in certificates)
        {
            ArgumentNullException.ThrowIfNull(certificate, nameof(certificates));
            if (configuredIds.Add(NormalizedId(certificate)))
                downloaded.Add(certificate);
        }

        _snapshot = new Snapshot(_configured, downloaded.ToArray());
    }

    private static string NormalizedId(PlatformKey key) => Normalize(key.Id);

    private static string Normalize(string id) => PlatformKey.NormalizeId(id);

    private sealed class Snapshot
    {
        public Snapshot(PlatformKey[] configured, PlatformKey[] downloaded)
        {
            Downloaded = downloaded;
            All = [.. configured, .. downloaded];
            var byId = new Dictionary<string, PlatformKey>(StringComparer.Ordinal);
            foreach (var key in All)
                byId.TryAdd(NormalizedId(key), key);
            ById = byId.ToFrozenDictionary(StringComparer.Ordinal);
        }

        public PlatformKey[] All { get; }

        public PlatformKey[] Downloaded { get; }

        public FrozenDictionary<string, PlatformKey> ById { get; }
    }
}
