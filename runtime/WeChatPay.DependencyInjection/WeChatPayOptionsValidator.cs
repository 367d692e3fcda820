using System.Text;
using Microsoft.Extensions.Options;

namespace WeChatPay.DependencyInjection;

/// <summary>
/// Validates <see cref="WeChatPayOptions"/> when the application starts (<c>ValidateOnStart</c>), so that a wrong
/// merchant ID, a missing key file or a short APIv3 key stops the application at once with a message naming the
/// field, instead of failing the first payment call. Messages never contain key material or the APIv3 key.
/// </summary>
public sealed class WeChatPayOptionsValidator : IValidateOptions<WeChatPayOptions>
{
    private const string PublicKeyIdPrefix = "PUB_KEY_ID_";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, WeChatPayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = string.IsNullOrEmpty(name) ? "WeChatPayOptions" : $"WeChatPayOptions[{name}]";
        void Fail(string field, string message) => failures.Add($"{prefix}.{field} {message}");

        // mchid: WeChat Pay merchant IDs are decimal digits (1900000001).
        if (string.IsNullOrWhiteSpace(options.MerchantId))
            Fail(nameof(options.MerchantId), "is required: set it to the merchant ID (mchid) shown in the merchant platform.");
        else if (!IsAll(options.MerchantId, static c => c is >= '0' and <= '9'))
            Fail(nameof(options.MerchantId), $"must contain only digits (a mchid such as 1900000001); got '{options.MerchantId}'.");

        // The merchant API certificate's serial number, upper- or lower-case hex.
        if (string.IsNullOrWhiteSpace(options.MerchantSerialNumber))
            Fail(nameof(options.MerchantSerialNumber), "is required: set it to the serial number of the merchant API certificate (apiclient_cert.pem).");
        else if (!IsAll(options.MerchantSerialNumber, Uri.IsHexDigit))
            Fail(nameof(options.MerchantSerialNumber), $"must be the certificate serial number in hex; got '{options.MerchantSerialNumber}'.");

        ValidateMerchantPrivateKey(options, Fail);

        // The APIv3 key is 32 ASCII characters; it decrypts certificates and notifications. Never echoed.
        if (options.ApiV3Key is { } apiV3Key && Encoding.UTF8.GetByteCount(apiV3Key) != 32)
            Fail(nameof(options.ApiV3Key), $"must be exactly 32 bytes (it has {Encoding.UTF8.GetByteCount(apiV3Key)}); copy the APIv3 key set in the merchant platform.");

        ValidateVerificationKeys(options, Fail);

        var baseAddress = options.BaseAddress;
        if (baseAddress is null)
            Fail(nameof(options.BaseAddress), "is required; leave it unset for the default gateway https://api.mch.weixin.qq.com/.");
        else if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
            Fail(nameof(options.BaseAddress), "must be an absolute http or https URI, such as https://api.mch.weixin.qq.com/.");
        else if (baseAddress.Scheme == Uri.UriSchemeHttp && !baseAddress.IsLoopback)
            Fail(nameof(options.BaseAddress), $"must use https unless it is a loopback address (a local sandbox); got '{baseAddress.GetLeftPart(UriPartial.Authority)}'.");
        else if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment))
            Fail(nameof(options.BaseAddress), "must not carry a query or a fragment: endpoint paths and queries are appended to it.");

        if (options.DownloadPlatformCertificates && options.CertificateRefreshInterval <= TimeSpan.Zero)
            Fail(nameof(options.CertificateRefreshInterval), "must be positive when DownloadPlatformCertificates is on.");

        if (options.TimeProvider is null)
            Fail(nameof(options.TimeProvider), "must not be null; leave it unset for the system clock.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateMerchantPrivateKey(WeChatPayOptions options, Action<string, string> fail)
    {
        if (options.MerchantKey is { } lent)
        {
            // A key the application loaded itself (an HSM- or KMS-backed RSA, say): it belongs to the application,
            // so it is checked but neither re-loaded nor disposed here.
            if (!string.IsNullOrWhiteSpace(options.MerchantPrivateKey) || !string.IsNullOrWhiteSpace(options.MerchantPrivateKeyPath))
                fail(nameof(options.MerchantKey), "is set together with MerchantPrivateKey or MerchantPrivateKeyPath; configure the merchant private key one way only.");
            else if (lent.Scheme != options.SignatureScheme)
                fail(nameof(options.MerchantKey), $"is a {Describe(lent.Scheme)} key but SignatureScheme is {options.SignatureScheme}; set SignatureScheme to match the key.");
            return;
        }

        MerchantPrivateKey? key = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(options.MerchantPrivateKey))
                key = MerchantPrivateKey.FromPem(options.MerchantPrivateKey, options.MerchantPrivateKeyPassphrase);
            else if (!string.IsNullOrWhiteSpace(options.MerchantPrivateKeyPath))
            {
                if (!File.Exists(options.MerchantPrivateKeyPath))
                {
                    fail(nameof(options.MerchantPrivateKeyPath), $"names a file that does not exist: '{options.MerchantPrivateKeyPath}'.");
                    return;
                }
                key = MerchantPrivateKey.FromFile(options.MerchantPrivateKeyPath, options.MerchantPrivateKeyPassphrase);
            }
            else
            {
                fail(nameof(options.MerchantPrivateKey), "is required: set MerchantPrivateKey (PEM text), MerchantPrivateKeyPath (the path of apiclient_key.pem) or MerchantKey (a key the application has loaded).");
                return;
            }

            if (key.Scheme != options.SignatureScheme)
                fail(nameof(options.MerchantPrivateKey), $"is a {Describe(key.Scheme)} key but SignatureScheme is {options.SignatureScheme}; set SignatureScheme to match the key.");
        }
        catch (WeChatPayConfigurationException ex)
        {
            // The runtime's key loader words its messages without key material, so they can be passed on.
            var field = string.IsNullOrWhiteSpace(options.MerchantPrivateKey) ? nameof(options.MerchantPrivateKeyPath) : nameof(options.MerchantPrivateKey);
            fail(field, $"is not a usable private key: {ex.Message}");
        }
        finally
        {
            key?.Dispose();
        }
    }

    private static void ValidateVerificationKeys(WeChatPayOptions options, Action<string, string> fail)
    {
        var hasPublicKeyId = !string.IsNullOrWhiteSpace(options.PublicKeyId);
        var hasPublicKeyText = !string.IsNullOrWhiteSpace(options.PlatformPublicKey);
        var hasPublicKeyPath = !string.IsNullOrWhiteSpace(options.PlatformPublicKeyPath);
        var hasCertificates = options.PlatformCertificates is { Count: > 0 };

        if (hasPublicKeyId && !options.PublicKeyId!.StartsWith(PublicKeyIdPrefix, StringComparison.Ordinal))
            fail(nameof(options.PublicKeyId), $"must start with {PublicKeyIdPrefix} (the ID shown beside the WeChat Pay public key); got '{options.PublicKeyId}'.");
        if (hasPublicKeyId && !hasPublicKeyText && !hasPublicKeyPath)
            fail(nameof(options.PlatformPublicKey), "is required with PublicKeyId: set PlatformPublicKey (PEM text) or PlatformPublicKeyPath (the path of pub_key.pem).");
        if (!hasPublicKeyId && (hasPublicKeyText || hasPublicKeyPath))
            fail(nameof(options.PublicKeyId), "is required with a WeChat Pay public key: set it to the key's ID (PUB_KEY_ID_…).");
        if (!hasPublicKeyText && hasPublicKeyPath && !File.Exists(options.PlatformPublicKeyPath))
            fail(nameof(options.PlatformPublicKeyPath), $"names a file that does not exist: '{options.PlatformPublicKeyPath}'.");

        if (options.DownloadPlatformCertificates && string.IsNullOrEmpty(options.ApiV3Key))
            fail(nameof(options.ApiV3Key), "is required when DownloadPlatformCertificates is on: downloaded certificates are encrypted with it.");

        if (!hasPublicKeyId && !hasPublicKeyText && !hasPublicKeyPath && !hasCertificates && !options.DownloadPlatformCertificates)
            fail(nameof(options.PublicKeyId), "or another way to verify WeChat Pay's responses is required: set PublicKeyId with PlatformPublicKey(Path) (public-key mode), add PlatformCertificates, or turn on DownloadPlatformCertificates with ApiV3Key.");
    }

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
