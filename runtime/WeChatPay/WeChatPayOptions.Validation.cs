using System.Text;

namespace WeChatPay;

/// <summary>
/// The one set of rules for <see cref="WeChatPayOptions"/>: the <see cref="WeChatPayClient"/> constructor and the
/// dependency-injection start-up validation both apply these, so the two cannot drift apart. Every message names the
/// field and the fix, and none contains key material or the APIv3 key.
/// </summary>
public sealed partial class WeChatPayOptions
{
    /// <summary>
    /// Checks every option, including that the merchant private key and the WeChat Pay public key or certificates
    /// load and match <see cref="SignatureScheme"/>, and returns one message per problem: empty when a
    /// <see cref="WeChatPayClient"/> can be built from these options. Nothing is kept: the keys loaded to check them
    /// are disposed (a <see cref="MerchantKey"/> the application lent is only inspected).
    /// </summary>
    /// <param name="name">A name for these options in the messages (<c>WeChatPayOptions[name].Field</c>), such as a named options instance; none by default.</param>
    public IReadOnlyList<string> Validate(string? name = null)
        => Check(name, loadKeys: true);

    /// <summary>The rules; with <paramref name="loadKeys"/> off, keys are not parsed (the client parses them next).</summary>
    internal List<string> Check(string? name, bool loadKeys)
    {
        var failures = new List<string>();
        var prefix = string.IsNullOrEmpty(name) ? "WeChatPayOptions" : $"WeChatPayOptions[{name}]";
        void Fail(string field, string message) => failures.Add($"{prefix}.{field} {message}");

        // mchid: WeChat Pay merchant IDs are decimal digits (1900000001).
        if (string.IsNullOrWhiteSpace(MerchantId))
            Fail(nameof(MerchantId), "is required: set it to the merchant ID (mchid) shown in the merchant platform, for example 1900000001.");
        else if (!IsAll(MerchantId.Trim(), static c => c is >= '0' and <= '9'))
            Fail(nameof(MerchantId), $"must contain only digits (a mchid such as 1900000001); got '{MerchantId}'.");

        // The merchant API certificate's serial number, upper- or lower-case hex.
        if (string.IsNullOrWhiteSpace(MerchantSerialNumber))
            Fail(nameof(MerchantSerialNumber), "is required: set it to the serial number of the merchant API certificate (apiclient_cert.pem).");
        else if (!IsAll(MerchantSerialNumber.Trim(), Uri.IsHexDigit))
            Fail(nameof(MerchantSerialNumber), $"must be the certificate serial number in hex; got '{MerchantSerialNumber}'.");

        if (SignatureScheme is not (SignatureScheme.Rsa or SignatureScheme.ShangMi))
            Fail(nameof(SignatureScheme), $"has the undefined value {(int)SignatureScheme}; use Rsa or ShangMi.");
        else if (SignatureScheme == SignatureScheme.ShangMi && !ShangMiSupport.IsSupported)
            Fail(nameof(SignatureScheme), "is ShangMi, but " + ShangMiSupport.TurnedOff);

        CheckMerchantKey(Fail, loadKeys);

        // The APIv3 key is 32 ASCII characters; it decrypts certificates and notifications. Never echoed.
        if (ApiV3Key is { } apiV3Key && Encoding.UTF8.GetByteCount(apiV3Key) != 32)
            Fail(nameof(ApiV3Key), $"must be exactly 32 bytes (it has {Encoding.UTF8.GetByteCount(apiV3Key)}); copy the APIv3 key set in the merchant platform.");

        CheckVerificationKeys(prefix, failures, Fail, loadKeys);

        if (BaseAddress is not { } address)
            Fail(nameof(BaseAddress), $"is required; leave it unset for the default gateway {DefaultBaseAddress}.");
        else if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
            Fail(nameof(BaseAddress), $"must be an absolute http or https URI, such as {DefaultBaseAddress}.");
        else if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback)
            Fail(nameof(BaseAddress), $"must use https unless it is a loopback address (a local sandbox); got '{address.GetLeftPart(UriPartial.Authority)}'.");
        else if (address.Query.Length > 0 || address.Fragment.Length > 0 || address.UserInfo.Length > 0)
            Fail(nameof(BaseAddress), "must not carry a query, a fragment or user information: endpoint paths and queries are appended to it.");

        if (TimeProvider is null)
            Fail(nameof(TimeProvider), "must not be null; leave it unset for the system clock.");

        if (MaxResponseBodySize <= 0)
            Fail(nameof(MaxResponseBodySize), $"must be a positive number of bytes (the default is {DefaultMaxResponseBodySize}, 4 MiB).");

        return failures;
    }

    private void CheckMerchantKey(Action<string, string> fail, bool loadKeys)
    {
        var hasPem = !string.IsNullOrWhiteSpace(MerchantPrivateKey);
        var hasPath = !string.IsNullOrWhiteSpace(MerchantPrivateKeyPath);
        if (MerchantKey is { } lent)
        {
            // A key the application loaded itself (an HSM- or KMS-backed RSA, say): it is only inspected.
            if (hasPem || hasPath)
                fail(nameof(MerchantKey), "is set together with MerchantPrivateKey or MerchantPrivateKeyPath; configure the merchant private key one way only.");
            else if (lent.Scheme != SignatureScheme)
                fail(nameof(MerchantKey), SchemeMismatch(lent.Scheme));
            return;
        }
        if (!hasPem && !hasPath)
        {
            fail(nameof(MerchantPrivateKey), "is required: the merchant private key is missing; set MerchantPrivateKey (the PEM text of apiclient_key.pem), "
                + "MerchantPrivateKeyPath (its path) or MerchantKey (a key the application has loaded).");
            return;
        }
        if (!hasPem && !File.Exists(MerchantPrivateKeyPath))
        {
            fail(nameof(MerchantPrivateKeyPath), $"names a file that does not exist: '{MerchantPrivateKeyPath}'.");
            return;
        }
        if (!loadKeys)
            return;

        var field = OwnMerchantKeyField;
        try
        {
            using var key = LoadOwnMerchantKey();
            if (key.Scheme != SignatureScheme)
                fail(field, SchemeMismatch(key.Scheme));
        }
        catch (WeChatPayConfigurationException ex)
        {
            // The key loader words its messages without key material, so they can be passed on.
            fail(field, $"is not a usable private key: {ex.Message}");
        }
    }

    private void CheckVerificationKeys(string prefix, List<string> failures, Action<string, string> fail, bool loadKeys)
    {
        var before = failures.Count;
        var hasPublicKeyId = !string.IsNullOrWhiteSpace(PublicKeyId);
        var hasPublicKeyText = !string.IsNullOrWhiteSpace(PlatformPublicKey);
        var hasPublicKeyPath = !string.IsNullOrWhiteSpace(PlatformPublicKeyPath);
        var hasCertificates = PlatformCertificates is { Count: > 0 };

        if (hasPublicKeyId && !PublicKeyId!.Trim().StartsWith(PlatformKey.PublicKeyIdPrefix, StringComparison.Ordinal))
            fail(nameof(PublicKeyId), $"must start with {PlatformKey.PublicKeyIdPrefix} (the ID shown beside the WeChat Pay public key); got '{PublicKeyId}'.");
        if (hasPublicKeyId && !hasPublicKeyText && !hasPublicKeyPath)
            fail(nameof(PlatformPublicKey), "is required with PublicKeyId: set PlatformPublicKey (the PEM text of pub_key.pem) or PlatformPublicKeyPath (its path).");
        if (!hasPublicKeyId && (hasPublicKeyText || hasPublicKeyPath))
            fail(nameof(PublicKeyId), "is required with a WeChat Pay public key: set it to the key's ID (PUB_KEY_ID_…).");
        if (!hasPublicKeyText && hasPublicKeyPath && !File.Exists(PlatformPublicKeyPath))
            fail(nameof(PlatformPublicKeyPath), $"names a file that does not exist: '{PlatformPublicKeyPath}'.");
        if (PlatformCertificates is { } certificates)
        {
            for (var i = 0; i < certificates.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(certificates[i]))
                    fail($"{nameof(PlatformCertificates)}[{i}]", "is empty; remove it or paste the certificate's PEM text.");
            }
        }

        if (DownloadPlatformCertificates && ApiV3Key is null)
            fail(nameof(DownloadPlatformCertificates), $"needs {prefix}.ApiV3Key, which decrypts the downloaded certificates.");
        if (DownloadPlatformCertificates && CertificateRefreshInterval <= TimeSpan.Zero)
            fail(nameof(CertificateRefreshInterval), "must be positive when DownloadPlatformCertificates is on (the default is 12 hours).");
        if (DownloadPlatformCertificates && CertificateDownloadTimeout <= TimeSpan.Zero)
            fail(nameof(CertificateDownloadTimeout), "must be a positive, finite time when DownloadPlatformCertificates is on (the default is 30 seconds).");

        if (!hasPublicKeyId && !hasPublicKeyText && !hasPublicKeyPath && !hasCertificates && !DownloadPlatformCertificates)
            failures.Add($"No WeChat Pay verification key is configured in {prefix}, so no response could be verified: set PublicKeyId with PlatformPublicKey "
                + "or PlatformPublicKeyPath (public-key mode), add PlatformCertificates, or turn on DownloadPlatformCertificates with ApiV3Key.");

        if (!loadKeys || failures.Count != before)
            return;
        try
        {
            LoadPlatformKeys();
        }
        catch (WeChatPayConfigurationException ex)
        {
            // The key readers word their messages without key material.
            failures.Add($"A WeChat Pay key in {prefix} is not usable: {ex.Message}");
        }
    }

    /// <summary>Loads the merchant key from <see cref="MerchantPrivateKey"/> or <see cref="MerchantPrivateKeyPath"/>; the caller owns it.</summary>
    internal MerchantPrivateKey LoadOwnMerchantKey()
        => !string.IsNullOrWhiteSpace(MerchantPrivateKey)
            ? WeChatPay.MerchantPrivateKey.FromPem(MerchantPrivateKey, MerchantPrivateKeyPassphrase)
            : WeChatPay.MerchantPrivateKey.FromFile(MerchantPrivateKeyPath!, MerchantPrivateKeyPassphrase);

    /// <summary>The configured WeChat Pay public key and certificates, each checked against <see cref="SignatureScheme"/>.</summary>
    /// <exception cref="WeChatPayConfigurationException">A key does not load, or is of the other scheme.</exception>
    internal List<PlatformKey> LoadPlatformKeys()
    {
        var keys = new List<PlatformKey>();
        if (!string.IsNullOrWhiteSpace(PublicKeyId))
        {
            string pem;
            if (!string.IsNullOrWhiteSpace(PlatformPublicKey))
            {
                pem = PlatformPublicKey;
            }
            else
            {
                try
                {
                    pem = File.ReadAllText(PlatformPublicKeyPath!);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    throw new WeChatPayConfigurationException($"WeChatPayOptions.PlatformPublicKeyPath '{PlatformPublicKeyPath}' could not be read: {ex.Message}", ex);
                }
            }
            keys.Add(CheckScheme(PlatformKey.FromPublicKeyPem(PublicKeyId.Trim(), pem), "The WeChat Pay public key"));
        }

        if (PlatformCertificates is { } certificates)
        {
            for (var i = 0; i < certificates.Count; i++)
                keys.Add(CheckScheme(PlatformKey.FromCertificatePem(certificates[i]), $"WeChatPayOptions.PlatformCertificates[{i}]"));
        }
        return keys;
    }

    private PlatformKey CheckScheme(PlatformKey key, string what)
        => key.Scheme == SignatureScheme
            ? key
            : throw new WeChatPayConfigurationException($"{what} ({key.Id}) is a {Describe(key.Scheme)} key but WeChatPayOptions.SignatureScheme is {SignatureScheme}.");

    /// <summary>The option the merchant key is loaded from, when the application did not lend one.</summary>
    internal string OwnMerchantKeyField => !string.IsNullOrWhiteSpace(MerchantPrivateKey) ? nameof(MerchantPrivateKey) : nameof(MerchantPrivateKeyPath);

    /// <summary>What is wrong with a merchant key of <paramref name="keyScheme"/>, after the field's name.</summary>
    internal string SchemeMismatch(SignatureScheme keyScheme)
        => $"is a {Describe(keyScheme)} key but SignatureScheme is {SignatureScheme}; set SignatureScheme to match the key.";

    private static string Describe(SignatureScheme scheme) => scheme == SignatureScheme.ShangMi ? "ShangMi (SM2)" : "RSA";

    private static bool IsAll(string value, Func<char, bool> predicate)
    {
        foreach (var c in value)
        {
            if (!predicate(c))
                return false;
        }
        return true;
    }
}
