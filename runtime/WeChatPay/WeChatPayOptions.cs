namespace WeChatPay;

/// <summary>
/// Everything a <see cref="WeChatPayClient"/> needs to talk to WeChat Pay API v3 for one merchant.
/// <see cref="ToString"/> never prints key material or the APIv3 key.
/// </summary>
public sealed partial class WeChatPayOptions
{
    /// <summary>The default gateway.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.mch.weixin.qq.com/");

    /// <summary>The merchant ID (<c>mchid</c>).</summary>
    public string MerchantId { get; set; } = "";

    /// <summary>The serial number of the merchant API certificate (<c>serial_no</c>).</summary>
    public string MerchantSerialNumber { get; set; } = "";

    /// <summary>The merchant private key as PEM text (the content of <c>apiclient_key.pem</c>).</summary>
    public string? MerchantPrivateKey { get; set; }

    /// <summary>
    /// The merchant private key as an object the application has already loaded, instead of PEM text or a file:
    /// for example <c>MerchantPrivateKey.FromRsa(rsa)</c> over an <see cref="System.Security.Cryptography.RSA"/>
    /// backed by an HSM or a key-management service. Set this or <see cref="MerchantPrivateKey"/>/<see cref="MerchantPrivateKeyPath"/>,
    /// not both.
    /// </summary>
    /// <remarks>
    /// The application owns the key: a <see cref="WeChatPayClient"/> built from these options uses it but never
    /// disposes it, so one key may serve several clients. Dispose it (which disposes the wrapped <c>RSA</c>) only
    /// after every client that uses it has been disposed.
    /// </remarks>
    public MerchantPrivateKey? MerchantKey { get; set; }

    /// <summary>The path of the merchant private key PEM file, used when <see cref="MerchantPrivateKey"/> is not set.</summary>
    public string? MerchantPrivateKeyPath { get; set; }

    /// <summary>The passphrase of an encrypted PKCS#8 merchant private key.</summary>
    public string? MerchantPrivateKeyPassphrase { get; set; }

    /// <summary>The APIv3 key (32 characters), used to decrypt certificates and notifications.</summary>
    public string? ApiV3Key { get; set; }

    /// <summary>RSA (the default) or ShangMi (国密).</summary>
    public SignatureScheme SignatureScheme { get; set; } = SignatureScheme.Rsa;

    /// <summary>The ID of the WeChat Pay public key (<c>PUB_KEY_ID_…</c>), for public-key mode.</summary>
    public string? PublicKeyId { get; set; }

    /// <summary>The WeChat Pay public key as PEM text (the content of <c>pub_key.pem</c>), for public-key mode.</summary>
    public string? PlatformPublicKey { get; set; }

    /// <summary>The path of the WeChat Pay public key PEM file, used when <see cref="PlatformPublicKey"/> is not set.</summary>
    public string? PlatformPublicKeyPath { get; set; }

    /// <summary>Platform certificates as PEM text, for certificate mode. Both modes may be configured at once.</summary>
    public IList<string> PlatformCertificates { get; set; } = new List<string>();

    /// <summary>Download platform certificates from <c>GET /v3/certificates</c> and keep them fresh. Needs <see cref="ApiV3Key"/>.</summary>
    public bool DownloadPlatformCertificates
    {
        get => CertificateDownloader is not null;
        set => CertificateDownloader = value ? static (send, keys, options) => new PlatformCertificateManager(send, keys, options) : null;
    }

    /// <summary>
    /// Creates the certificate downloader; set only through <see cref="DownloadPlatformCertificates"/>. The client
    /// reaches the downloader through this delegate alone, so that a trimmed application that never turns downloads
    /// on does not carry the downloader, its AES-GCM decryption or its certificate parsing.
    /// </summary>
    internal Func<RawSend, PlatformKeyStore, WeChatPayOptions, PlatformCertificateManager>? CertificateDownloader { get; private set; }

    /// <summary>How often downloaded platform certificates are refreshed. Default 12 hours.</summary>
    public TimeSpan CertificateRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a platform certificate download may take (30 s by default). A caller that holds no key able to verify
    /// waits at most this long; a refresh in the background is abandoned after it and retried a minute later.
    /// </summary>
    public TimeSpan CertificateDownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest answer body read into memory, in bytes: 4 MiB by default, far above any JSON answer. A larger
    /// answer fails with a <see cref="WeChatPayException"/> before it is read whole. Requests sent with
    /// <see cref="WeChatPayRequest.ExpectUnsignedResponse"/> (file downloads) are exempt.
    /// </summary>
    public long MaxResponseBodySize { get; set; } = DefaultMaxResponseBodySize;

    /// <summary>The default <see cref="MaxResponseBodySize"/>: 4 MiB.</summary>
    public const long DefaultMaxResponseBodySize = 4 * 1024 * 1024;

    /// <summary>The gateway, <c>https://api.mch.weixin.qq.com/</c> by default. Endpoint paths are relative to it.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// Where the client writes its logs (requests at Debug, verification failures and certificate refreshes).
    /// <see langword="null"/> (the default) logs nothing; the DI package sets it from the container.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock used for signing timestamps and for the verification window. Tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <inheritdoc/>
    public override string ToString() =>
        $"WeChatPayOptions {{ MerchantId = {MerchantId}, MerchantSerialNumber = {MerchantSerialNumber}, SignatureScheme = {SignatureScheme}, PublicKeyId = {PublicKeyId}, BaseAddress = {BaseAddress} }}";
}
