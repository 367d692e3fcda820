using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WeChatPay;

/// <summary>
/// The entry point to WeChat Pay API v3 for one merchant: signs every request, verifies every response and
/// hands back only verified bytes. Thread-safe; create one per merchant and keep it for the process's lifetime.
/// Generated clients (<c>IThing.Create(client)</c>) and the untyped chain (<c>Chain</c>) run on it.
/// </summary>
public sealed partial class WeChatPayClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly MerchantPrivateKey _merchantKey;
    private readonly bool _ownsMerchantKey;
    private readonly RequestSigner _signer;
    private readonly PlatformKeyStore _keys;
    private readonly SignatureVerifier _verifier;
    private readonly PlatformCertificateManager? _certificates;
    private readonly string _baseAddress;
    private readonly long _maxResponseBodySize;
    private readonly string _host;
    private readonly int _port;
    private readonly ILogger _logger;

    /// <summary>Whether the chain is known to hold a <see cref="WeChatPaySigningHandler"/> (then the client never signs ahead).</summary>
    private volatile bool _signingHandlerInChain;

    /// <summary>
    /// Creates a client that owns its HTTP stack: a <see cref="SocketsHttpHandler"/> that recycles its connections
    /// every 5 minutes and never follows a redirect (WeChat Pay never sends one).
    /// </summary>
    /// <exception cref="WeChatPayConfigurationException">The options or a key in them are invalid.</exception>
    public WeChatPayClient(WeChatPayOptions options)
        : this(options, CreateDefaultHttpClient(), ownsHttp: true, signingHandlerInChain: true)
    {
    }

    /// <summary>Creates a client that owns its HTTP stack, over <paramref name="handler"/>.</summary>
    /// <remarks>
    /// A <see cref="WeChatPaySigningHandler"/> is inserted just above the innermost (non-delegating) handler of
    /// <paramref name="handler"/>'s chain, unless the chain already has one, so that every resend is re-signed.
    /// The client takes ownership of <paramref name="handler"/> and disposes it. This constructor never creates a
    /// <see cref="SocketsHttpHandler"/>, so a trimmed application that passes its own handler does not carry one.
    /// </remarks>
    /// <exception cref="WeChatPayConfigurationException">The options or a key in them are invalid.</exception>
    public WeChatPayClient(WeChatPayOptions options, HttpMessageHandler handler)
        : this(options, new HttpClient(InsertSigningHandler(handler ?? throw new ArgumentNullException(nameof(handler), "Pass a handler, or use the constructor without one for the default SocketsHttpHandler.")), disposeHandler: true),
            ownsHttp: true, signingHandlerInChain: true)
    {
    }

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/>.</summary>
    /// <remarks>
    /// The client sends absolute URIs, so <paramref name="httpClient"/>'s <see cref="HttpClient.BaseAddress"/> is not
    /// used. If its handler chain contains a <see cref="WeChatPaySigningHandler"/> (innermost), every resend is
    /// re-signed; otherwise each call is signed once, before sending. The client does not dispose <paramref name="httpClient"/>.
    /// </remarks>
    /// <exception cref="WeChatPayConfigurationException">The options or a key in them are invalid.</exception>
    public WeChatPayClient(WeChatPayOptions options, HttpClient httpClient)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttp: false, signingHandlerInChain: false)
    {
    }

    private WeChatPayClient(WeChatPayOptions options, HttpClient http, bool ownsHttp, bool signingHandlerInChain)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var failures = options.Check(name: null, loadKeys: false);
            if (failures.Count > 0)
                throw new WeChatPayConfigurationException(failures.Count == 1
                    ? failures[0]
                    : $"WeChatPayOptions has {failures.Count} problems: " + string.Join(" ", failures));

            var time = options.TimeProvider;
            MerchantId = options.MerchantId.Trim();
            MerchantSerialNumber = options.MerchantSerialNumber.Trim();
            Scheme = options.SignatureScheme;
            _baseAddress = NormalizeBaseAddress(options.BaseAddress);
            _maxResponseBodySize = options.MaxResponseBodySize;
            _host = options.BaseAddress.Host;
            _port = options.BaseAddress.Port;
            _logger = options.LoggerFactory?.CreateLogger("WeChatPay") ?? NullLogger.Instance;
            ApiV3Key = options.ApiV3Key;

            var configured = options.LoadPlatformKeys();
            (_merchantKey, _ownsMerchantKey) = options.MerchantKey is { } lent ? (lent, false) : (options.LoadOwnMerchantKey(), true);
            if (_merchantKey.Scheme != Scheme)
            {
                if (_ownsMerchantKey)
                    _merchantKey.Dispose();
                throw new WeChatPayConfigurationException(
                    $"WeChatPayOptions.{options.OwnMerchantKeyField} {options.SchemeMismatch(_merchantKey.Scheme)}");
            }

            TimeProvider = time;
            _signer = new RequestSigner(MerchantId, MerchantSerialNumber, _merchantKey, time);
            _keys = new PlatformKeyStore(configured, time);
            _verifier = new SignatureVerifier(_keys, time);
            _certificates = options.CertificateDownloader?.Invoke(TransmitAsync, _keys, options);
        }
        catch
        {
            if (ownsHttp)
                http.Dispose();
            throw;
        }

        _http = http;
        _ownsHttp = ownsHttp;
        _signingHandlerInChain = signingHandlerInChain;
    }

    /// <summary>The merchant ID (<c>mchid</c>).</summary>
    public string MerchantId { get; }

    /// <summary>The serial number of the merchant API certificate.</summary>
    public string MerchantSerialNumber { get; }

    /// <summary>RSA or ShangMi.</summary>
    public SignatureScheme Scheme { get; }

    /// <summary>The base address every request target is relative to, always ending with <c>/</c>.</summary>
    public Uri BaseAddress => new(_baseAddress);

    /// <summary>The platform keys this client verifies with: the configured ones plus any downloaded certificates.</summary>
    public IReadOnlyCollection<PlatformKey> PlatformKeys => _keys.All;

    internal string? ApiV3Key { get; }

    internal TimeProvider TimeProvider { get; }

    internal PlatformKeyStore KeyStore => _keys;

    internal PlatformCertificateManager? CertificateManager => _certificates;

    /// <summary>
    /// The platform key that encrypts sensitive request fields. Send its <see cref="PlatformKey.Id"/> as
    /// <see cref="WeChatPayRequest.WechatpaySerial"/> with the request it encrypted.
    /// </summary>
    /// <exception cref="WeChatPayException">No platform key is available (certificates could not be downloaded).</exception>
    public PlatformKey GetEncryptionKey()
    {
        if (_certificates is not null)
        {
            var pending = _certificates.EnsureFreshAsync(useAsync: false, CancellationToken.None);
            if (!pending.IsCompleted)
                pending.AsTask().GetAwaiter().GetResult();
            else
                pending.GetAwaiter().GetResult();
        }

        return PreferredKeyOrThrow();
    }

    /// <summary>The asynchronous form of <see cref="GetEncryptionKey"/>; downloads certificates first when needed.</summary>
    public async ValueTask<PlatformKey> GetEncryptionKeyAsync(CancellationToken cancellationToken = default)
    {
        if (_certificates is not null)
            await _certificates.EnsureFreshAsync(useAsync: true, cancellationToken).ConfigureAwait(false);
        return PreferredKeyOrThrow();
    }

    /// <summary>Decrypts a sensitive response field with the merchant private key.</summary>
    /// <exception cref="WeChatPayException">The ciphertext does not decrypt with the merchant key.</exception>
    public string DecryptSensitive(string ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        return _merchantKey.Decrypt(ciphertext);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
        if (_ownsMerchantKey)
            _merchantKey.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"WeChatPayClient {{ MerchantId = {MerchantId}, Scheme = {Scheme}, BaseAddress = {_baseAddress} }}";

    private PlatformKey PreferredKeyOrThrow()
        => _keys.Preferred ?? throw new WeChatPayException(
            "No WeChat Pay platform key is available to encrypt with: configure a public key or certificates, or check why the certificate download failed.");

    private static HttpClient CreateDefaultHttpClient()
        => new(new WeChatPaySigningHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }), disposeHandler: true);

    /// <summary>
    /// Puts a <see cref="WeChatPaySigningHandler"/> just above the innermost non-delegating handler, below every
    /// retry handler of the chain, unless one is already there.
    /// </summary>
    private static HttpMessageHandler InsertSigningHandler(HttpMessageHandler handler)
    {
        if (handler is not DelegatingHandler outermost)
            return new WeChatPaySigningHandler(handler);

        var current = outermost;
        while (true)
        {
            if (current is WeChatPaySigningHandler)
                return handler;
            switch (current.InnerHandler)
            {
                case DelegatingHandler next:
                    current = next;
                    continue;
                case null:
                    throw new WeChatPayConfigurationException(
                        $"The handler chain ends in a {current.GetType().Name} whose InnerHandler is null; give it an inner handler (for example SocketsHttpHandler).");
                case var innermost:
                    current.InnerHandler = new WeChatPaySigningHandler(innermost);
                    return handler;
            }
        }
    }

    /// <summary>The base address ending with <c>/</c>; <paramref name="address"/> passed validation.</summary>
    private static string NormalizeBaseAddress(Uri address)
    {
        var text = address.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? text : text + "/";
    }
}
