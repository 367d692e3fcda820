using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using WeChatPay.Testing.Busifavor;
using WeChatPay.Testing.Complaints;
using WeChatPay.Testing.Crypto;
using WeChatPay.Testing.Favor;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Hosting;
using WeChatPay.Testing.Media;
using WeChatPay.Testing.Payments;
using WeChatPay.Testing.ProfitSharing;
using WeChatPay.Testing.Transfers;

namespace WeChatPay.Testing;

/// <summary>
/// A local WeChat Pay API v3 gateway, faithful where it matters to a client: it verifies every request's
/// <c>Authorization</c> like the real gateway (unknown mchid, wrong serial, bad signature, a timestamp outside
/// ±5 minutes and a nonce reused within 5 minutes are each <c>401 SIGN_ERROR</c>), signs every response, success
/// or error, with a platform key, serves <c>GET /v3/certificates</c> (RSA and SM2), and keeps 商家券, 代金券 and payment
/// state in memory; payments notify their <c>notify_url</c> in the background until the sandbox is disposed.
/// Thread-safe. Run it in process with <see cref="CreateHandler"/> or over loopback with <see cref="SandboxServer"/>.
/// </summary>
public sealed partial class WeChatPaySandbox : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, SandboxMerchant> _merchants = new(StringComparer.Ordinal);
    private readonly RequestAuthenticator _authenticator;
    private readonly Router _router = new();
    private readonly BusifavorApi _busifavor;
    private readonly FavorApi _favor;
    private readonly PaymentLedger _payments;
    private readonly PayerApi _payer;
    private readonly RefundsApi _refunds;
    private readonly BackgroundWork _background = new();
    private readonly NotificationDispatcher _notifications;
    private readonly ConcurrentDictionary<string, (string Timestamp, string Nonce, string Signature, DateTimeOffset SignedAt)> _signatureCache = new(StringComparer.Ordinal);

    /// <summary>Creates a sandbox with a newly generated platform identity.</summary>
    public WeChatPaySandbox(SandboxOptions? options = null)
        : this(SandboxPlatform.Generate(options?.TimeProvider), options)
    {
    }

    /// <summary>Creates a sandbox around an existing platform identity.</summary>
    public WeChatPaySandbox(SandboxPlatform platform, SandboxOptions? options = null)
    {
        Platform = platform ?? throw new ArgumentNullException(nameof(platform));
        Options = options ?? new SandboxOptions();
        _authenticator = new RequestAuthenticator(id => _merchants.TryGetValue(id, out var merchant) ? merchant : null, Options);
        _busifavor = new BusifavorApi(Options.TimeProvider, _merchants.ContainsKey);
        _router.Map("GET", "v3/certificates", DownloadCertificates);
        _busifavor.MapRoutes(_router);
        _payments = new PaymentLedger(Options.TimeProvider);
        new TransactionsApi(_payments).MapRoutes(_router);
        _notifications = new NotificationDispatcher(Options, _background, (merchant, notification) =>
            SignNotification(merchant, notification.Id, notification.EventType, notification.Body));
        _payer = new PayerApi(_payments, Notify);
        _payer.MapRoutes(_router);
        _refunds = new RefundsApi(_payments, Options, _background, Notify);
        _refunds.MapRoutes(_router);
        var bills = new BillsApi(_payments, Options.TimeProvider);
        bills.MapRoutes(_router);
        _favor = new FavorApi(Options.TimeProvider, _merchants.ContainsKey, bills, Notify);
        _favor.MapRoutes(_router);
        var sensitive = new SensitiveFields(Platform);
        new MerchantTransferApi(sensitive, Options.TimeProvider, Notify).MapRoutes(_router);
        new ProfitSharingApi(_payments, sensitive, bills).MapRoutes(_router);
        var media = new MediaStore();
        new MediaApi(media).MapRoutes(_router);
        new ComplaintsApi(_payments, media, Options.TimeProvider, Notify).MapRoutes(_router);
    }

    /// <summary>
    /// A sandbox for a credentials directory made by <see cref="SandboxCredentials.LoadOrCreate"/>: its platform
    /// identity comes from the directory's <c>.sandbox</c> folder, and its merchant is registered.
    /// </summary>
    /// <exception cref="InvalidOperationException">The directory has no sandbox platform identity (it is a live one).</exception>
    public static WeChatPaySandbox FromCredentials(SandboxCredentials credentials, SandboxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var sandbox = new WeChatPaySandbox(credentials.LoadPlatform(), options);
        sandbox.RegisterMerchant(credentials.MerchantId, credentials.MerchantSerialNumber,
            SandboxKey.FromPrivateKeyPem(File.ReadAllText(credentials.MerchantPrivateKeyPath)).ExportPublicKeyPem(), credentials.ApiV3Key);
        return sandbox;
    }

    /// <summary>The sandbox's WeChat Pay side: platform certificates and public keys.</summary>
    public SandboxPlatform Platform { get; }

    /// <summary>The options in force.</summary>
    public SandboxOptions Options { get; }

    /// <summary>Every registered merchant.</summary>
    public IReadOnlyCollection<SandboxMerchant> Merchants => (IReadOnlyCollection<SandboxMerchant>)_merchants.Values;

    /// <summary>
    /// Generates a merchant identity (mchid, API certificate serial, key pair, APIv3 key) and registers it. Its
    /// <see cref="SandboxMerchant.PrivateKeyPem"/> is what the client signs with.
    /// </summary>
    public SandboxMerchant CreateMerchant(SignatureScheme scheme = SignatureScheme.Rsa)
    {
        var key = SandboxKey.Generate(scheme);
        var merchant = new SandboxMerchant(NewMerchantId(), NewSerialNumber(), key, SandboxRandom.ApiV3Key(), key.ExportPrivateKeyPem());
        if (!_merchants.TryAdd(merchant.MerchantId, merchant))
            return CreateMerchant(scheme);
        return merchant;
    }

    /// <summary>
    /// Registers a merchant from its private key (PKCS#8 or PKCS#1 PEM, RSA or SM2), for tests that reuse a key
    /// instead of generating one. Unset IDs and the APIv3 key are generated. The sandbox keeps the private key so
    /// that <see cref="CreateClientOptions"/> works.
    /// </summary>
    public SandboxMerchant ImportMerchant(string privateKeyPem, string? merchantId = null, string? serialNumber = null, string? apiV3Key = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPem);
        var key = SandboxKey.FromPrivateKeyPem(privateKeyPem);
        if (apiV3Key is not null && Encoding.UTF8.GetByteCount(apiV3Key) != 32)
            throw new ArgumentException("The APIv3 key must be 32 bytes.", nameof(apiV3Key));
        var merchant = new SandboxMerchant(merchantId ?? NewMerchantId(), serialNumber ?? NewSerialNumber(),
            SandboxKey.FromPublicKeyPem(key.ExportPublicKeyPem()), apiV3Key ?? SandboxRandom.ApiV3Key(), privateKeyPem);
        _merchants[merchant.MerchantId] = merchant;
        return merchant;
    }

    /// <summary>Registers (or replaces) a merchant whose private key the caller holds.</summary>
    /// <param name="merchantId">The mchid.</param>
    /// <param name="serialNumber">The merchant API certificate serial that requests name in <c>serial_no</c>.</param>
    /// <param name="publicKeyPem">The merchant public key (SPKI PEM), RSA or SM2.</param>
    /// <param name="apiV3Key">The 32-character APIv3 key.</param>
    public SandboxMerchant RegisterMerchant(string merchantId, string serialNumber, string publicKeyPem, string apiV3Key)
    {
        ArgumentException.ThrowIfNullOrEmpty(merchantId);
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        ArgumentException.ThrowIfNullOrEmpty(publicKeyPem);
        if (apiV3Key is null || Encoding.UTF8.GetByteCount(apiV3Key) != 32)
            throw new ArgumentException("The APIv3 key must be 32 bytes.", nameof(apiV3Key));
        var merchant = new SandboxMerchant(merchantId, serialNumber, SandboxKey.FromPublicKeyPem(publicKeyPem), apiV3Key, null);
        _merchants[merchantId] = merchant;
        return merchant;
    }

    /// <summary>
    /// Client options for <paramref name="merchant"/> against this sandbox at <paramref name="baseAddress"/>:
    /// the merchant key, the APIv3 key and the platform public key (public-key mode), or, with
    /// <paramref name="certificateMode"/>, the platform certificate instead.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sandbox did not generate the merchant, so it lacks its private key.</exception>
    public WeChatPayOptions CreateClientOptions(SandboxMerchant merchant, Uri baseAddress, bool certificateMode = false)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var options = new WeChatPayOptions
        {
            MerchantId = merchant.MerchantId,
            MerchantSerialNumber = merchant.MerchantSerialNumber,
            MerchantPrivateKey = merchant.PrivateKeyPem ?? throw new InvalidOperationException("The sandbox does not hold this merchant's private key."),
            ApiV3Key = merchant.ApiV3Key,
            SignatureScheme = merchant.Scheme,
            BaseAddress = baseAddress,
            TimeProvider = Options.TimeProvider,
        };
        if (certificateMode)
        {
            options.PlatformCertificates.Add(Platform.GetCertificatePem(merchant.Scheme));
        }
        else
        {
            options.PublicKeyId = Platform.GetPublicKeyId(merchant.Scheme);
            options.PlatformPublicKey = Platform.GetPublicKeyPem(merchant.Scheme);
        }
        return options;
    }

    /// <summary>An <see cref="HttpMessageHandler"/> that answers every request in process, synchronously or not.</summary>
    public HttpMessageHandler CreateHandler() => new SandboxHandler(this);

    /// <summary>Answers one request: authenticates it, runs the endpoint, and signs the answer.</summary>
    public SandboxResponse Handle(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = RequestAuthenticator.SchemeOf(request.GetHeader("Authorization")) ?? SignatureScheme.Rsa;
        ApiResult result;
        try
        {
            if (request.Body.Length > Options.MaxRequestBodySize)
                throw SandboxError.TooLarge(Options.MaxRequestBodySize);
            var merchant = _authenticator.Authenticate(request);
            scheme = merchant.Scheme;
            ThrowTransientFault();
            result = _router.Dispatch(merchant, request);
        }
        catch (SandboxError error)
        {
            result = new ApiResult(error.Status, error.ToJson());
        }
        catch (Exception)
        {
            // A sandbox fault is still answered as the gateway would: signed, never an unsigned 500 or an exception.
            result = new ApiResult(500, SandboxError.SystemError().ToJson());
        }
        if (result.Unsigned)
            return new SandboxResponse(result.Status, [new("Request-ID", SandboxRandom.Hex(16)), new("Content-Type", result.ContentType ?? "application/octet-stream")], result.Body);
        var signer = result.SignWith ?? ChooseSigningKey(scheme, request.GetHeader("Wechatpay-Serial"));
        var fault = Options.ResponseFault;
        if (fault == SandboxResponseFault.None)
            return Sign(result.Status, result.Body, signer, includeRequestId: true, result.ContentType);
        return WithFault(fault, result.Status, result.Body, signer);
    }

    /// <summary>Throws <see cref="SandboxOptions.TransientFault"/> for the requests its burst covers.</summary>
    private void ThrowTransientFault()
    {
        var fault = Options.TransientFault;
        if (fault == SandboxTransientFault.None)
            return;
        var burst = Math.Max(1, Options.TransientFaultBurst);
        var n = Interlocked.Increment(ref _authenticatedRequests) - 1;
        if (n % (burst + 1) == burst)
            return;
        throw fault == SandboxTransientFault.FrequencyLimited ? SandboxError.FrequencyLimited() : SandboxError.SystemError();
    }

    private long _authenticatedRequests;

    /// <summary>How long to hold the answer to the request just handled: <see cref="SandboxOptions.ResponseDelay"/>, for the requests its burst covers.</summary>
    internal TimeSpan NextResponseDelay()
    {
        var delay = Options.ResponseDelay;
        var burst = Options.ResponseDelayBurst;
        if (delay <= TimeSpan.Zero || burst <= 0)
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        var n = Interlocked.Increment(ref _delayedRequests) - 1;
        return n % (burst + 1) == burst ? TimeSpan.Zero : delay;
    }

    private long _delayedRequests;

    /// <summary>The signed answer to a request refused before it could be handled (a body over the cap, say).</summary>
    internal SandboxResponse Refuse(SandboxError error, IReadOnlyDictionary<string, string> headers)
    {
        var scheme = RequestAuthenticator.SchemeOf(headers.GetValueOrDefault("Authorization")) ?? SignatureScheme.Rsa;
        return Sign(error.Status, error.ToJson(), ChooseSigningKey(scheme, headers.GetValueOrDefault("Wechatpay-Serial")), includeRequestId: true);
    }

    private SandboxResponse WithFault(SandboxResponseFault fault, int status, byte[] body, (string Id, SandboxKey Key) signer)
    {
        var now = Options.TimeProvider.GetUtcNow();
        var (timestamp, nonce, signature) = SignNow(body, signer, fault == SandboxResponseFault.StaleTimestamp ? now.AddMinutes(-10) : now);
        var serial = signer.Id;
        switch (fault)
        {
            case SandboxResponseFault.TamperedBody:
                body = body.Length == 0 ? "{}"u8.ToArray() : [.. body[..^1], (byte)' ', body[^1]];
                break;
            case SandboxResponseFault.WrongSignature:
                signature = SignNow("{}"u8.ToArray(), signer, now).Signature;
                break;
            case SandboxResponseFault.UnknownSerial:
                serial = signer.Id.StartsWith("PUB_KEY_ID_", StringComparison.Ordinal) ? "PUB_KEY_ID_0100000000000000000000000000" : "1000000000000000000000000000000000000001";
                break;
            case SandboxResponseFault.SignatureProbe:
                signature = "WECHATPAY/SIGNTEST/" + signature;
                break;
        }
        var headers = new List<KeyValuePair<string, string>> { new("Request-ID", SandboxRandom.Hex(16)) };
        if (fault != SandboxResponseFault.Unsigned)
        {
            headers.Add(new("Wechatpay-Nonce", nonce));
            headers.Add(new("Wechatpay-Signature", signature));
            headers.Add(new("Wechatpay-Timestamp", timestamp));
            headers.Add(new("Wechatpay-Serial", serial));
        }
        if (body.Length > 0)
            headers.Add(new("Content-Type", "application/json; charset=utf-8"));
        return new SandboxResponse(status, headers, body);
    }

    /// <summary>
    /// A request naming a platform key of the merchant's scheme in <c>Wechatpay-Serial</c> gets its answer signed
    /// with that key; otherwise <see cref="SandboxOptions.SigningMode"/> decides.
    /// </summary>
    private (string Id, SandboxKey Key) ChooseSigningKey(SignatureScheme scheme, string? requestedSerial)
    {
        if (requestedSerial is not null && Platform.TryGetKey(requestedSerial, out var key, out var kind) && key.Scheme == scheme
            && (kind == PlatformKeyKind.PublicKey || Options.ServeCertificates))
            return (requestedSerial, key);
        return Platform.GetSigningKey(scheme, Options.SigningMode == SandboxSigningMode.Certificate && !Options.ServeCertificates
            ? SandboxSigningMode.PublicKey : Options.SigningMode);
    }

    internal SandboxResponse Sign(int status, byte[] body, (string Id, SandboxKey Key) signer, bool includeRequestId, string? contentType = null)
    {
        var now = Options.TimeProvider.GetUtcNow();
        var (timestamp, nonce, signature) = Options.ResponseSignatureReuseWindow > TimeSpan.Zero
            ? ReuseOrSign(body, signer, now)
            : SignNow(body, signer, now);
        var headers = new List<KeyValuePair<string, string>>(7);
        if (includeRequestId)
            headers.Add(new("Request-ID", SandboxRandom.Hex(16)));
        headers.Add(new("Wechatpay-Nonce", nonce));
        headers.Add(new("Wechatpay-Signature", signature));
        headers.Add(new("Wechatpay-Timestamp", timestamp));
        headers.Add(new("Wechatpay-Serial", signer.Id));
        if (body.Length > 0)
            headers.Add(new("Content-Type", contentType ?? "application/json; charset=utf-8"));
        return new SandboxResponse(status, headers, body);
    }

    private static (string Timestamp, string Nonce, string Signature) SignNow(byte[] body, (string Id, SandboxKey Key) signer, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = SandboxRandom.Hex(16);
        var head = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message, head.Length);
        message[^1] = (byte)'\n';
        return (timestamp, nonce, signer.Key.Sign(message));
    }

    private (string Timestamp, string Nonce, string Signature) ReuseOrSign(byte[] body, (string Id, SandboxKey Key) signer, DateTimeOffset now)
    {
        var key = signer.Id + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body));
        if (_signatureCache.TryGetValue(key, out var cached) && now - cached.SignedAt < Options.ResponseSignatureReuseWindow && now >= cached.SignedAt)
            return (cached.Timestamp, cached.Nonce, cached.Signature);
        var fresh = SignNow(body, signer, now);
        if (_signatureCache.Count > 10_000)
            _signatureCache.Clear();
        _signatureCache[key] = (fresh.Timestamp, fresh.Nonce, fresh.Signature, now);
        return fresh;
    }

    // ---- 下载平台证书 GET /v3/certificates ------------------------------------------------------------------------

    private ApiResult DownloadCertificates(RouteContext context)
    {
        if (!Options.ServeCertificates)
            throw SandboxError.NotExists("无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥 (no platform certificate: this merchant uses the WeChat Pay public key)");
        context.Query.TryGetValue("algorithm_type", out var algorithmType);
        var scheme = algorithmType switch
        {
            null or "RSA" => SignatureScheme.Rsa,
            "SM2" => SignatureScheme.ShangMi,
            _ => throw SandboxError.ParamError("algorithm_type取值无效，应为RSA或SM2 (unknown algorithm_type)", "algorithm_type",
                "must be RSA or SM2", "query", algorithmType),
        };
        var certificate = Platform.GetCertificate(scheme);
        var algorithm = scheme == SignatureScheme.Rsa ? SandboxAead.AesGcm : SandboxAead.Sm4Gcm;
        var nonce = SandboxRandom.Alphanumeric(12);
        const string associatedData = "certificate";
        var ciphertext = SandboxAead.Encrypt(algorithm, context.Merchant.ApiV3Key, nonce, associatedData, Encoding.UTF8.GetBytes(certificate.Pem));
        var body = SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            w.WriteStartObject();
            w.WriteString("serial_no", certificate.SerialNumber);
            w.WriteString("effective_time", SandboxJson.Time(certificate.NotBefore));
            w.WriteString("expire_time", SandboxJson.Time(certificate.NotAfter));
            w.WriteStartObject("encrypt_certificate");
            w.WriteString("algorithm", algorithm);
            w.WriteString("nonce", nonce);
            w.WriteString("associated_data", associatedData);
            w.WriteString("ciphertext", ciphertext);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
        // The download is signed by a certificate it contains, which is how a client bootstraps its trust.
        return new ApiResult(200, body, (certificate.SerialNumber, certificate.Key));
    }

    // ---- notifications -------------------------------------------------------------------------------------------

    /// <summary>
    /// Builds a signed notification (回调通知) for <paramref name="merchant"/>: the envelope
    /// <c>{id, create_time, event_type, resource_type, summary, resource}</c> whose <c>resource</c> holds
    /// <paramref name="resourcePlaintext"/> encrypted with the merchant's APIv3 key (AEAD_AES_256_GCM for RSA
    /// merchants, AEAD_SM4_GCM for ShangMi ones, unless <paramref name="algorithm"/> says otherwise).
    /// </summary>
    public SandboxNotification CreateNotification(SandboxMerchant merchant, string eventType, string summary,
        ReadOnlySpan<byte> resourcePlaintext, string originalType, string? algorithm = null, string associatedData = "")
    {
        ArgumentNullException.ThrowIfNull(merchant);
        algorithm ??= merchant.Scheme == SignatureScheme.Rsa ? SandboxAead.AesGcm : SandboxAead.Sm4Gcm;
        var nonce = SandboxRandom.Alphanumeric(12);
        var ciphertext = SandboxAead.Encrypt(algorithm, merchant.ApiV3Key, nonce, associatedData, resourcePlaintext);
        var now = Options.TimeProvider.GetUtcNow();
        var id = "EV-" + now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + SandboxRandom.Digits(6);
        var body = SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("create_time", SandboxJson.Time(now));
            w.WriteString("resource_type", "encrypt-resource");
            w.WriteString("event_type", eventType);
            w.WriteString("summary", summary);
            w.WriteStartObject("resource");
            w.WriteString("original_type", originalType);
            w.WriteString("algorithm", algorithm);
            w.WriteString("ciphertext", ciphertext);
            w.WriteString("associated_data", associatedData);
            w.WriteString("nonce", nonce);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        return SignNotification(merchant, id, eventType, body);
    }

    /// <summary>Signs a notification body now, with fresh <c>Wechatpay-*</c> headers (each delivery attempt is signed anew).</summary>
    internal SandboxNotification SignNotification(SandboxMerchant merchant, string id, string eventType, byte[] body)
    {
        var signer = ChooseSigningKey(merchant.Scheme, null);
        var signed = Sign(200, body, signer, includeRequestId: false);
        var headers = new List<KeyValuePair<string, string>>(signed.Headers)
        {
            new("Wechatpay-Signature-Type", merchant.Scheme == SignatureScheme.Rsa ? RequestAuthenticator.RsaScheme : RequestAuthenticator.Sm2Scheme),
        };
        return new SandboxNotification(id, eventType, body, headers);
    }

    /// <summary>
    /// The COUPON.USE notification (商家券核销通知) for a coupon used through <c>POST /v3/marketing/busifavor/coupons/use</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such coupon has been used for this merchant.</exception>
    public SandboxNotification CreateCouponUseNotification(SandboxMerchant merchant, string stockId, string couponCode, string? algorithm = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var plaintext = _busifavor.DescribeUsedCoupon(merchant.MerchantId, stockId, couponCode)
            ?? throw new InvalidOperationException($"Coupon {couponCode} of stock {stockId} has not been used by merchant {merchant.MerchantId}.");
        return CreateNotification(merchant, "COUPON.USE", "商家券核销通知", plaintext, "busifavor", algorithm);
    }

    /// <summary>
    /// POSTs <paramref name="notification"/> to the merchant's <paramref name="notifyUrl"/>, as WeChat Pay does, and
    /// returns the merchant's answer. WeChat Pay takes 200 or 204 as acknowledged.
    /// </summary>
    public static async Task<SandboxNotificationDelivery> SendNotificationAsync(Uri notifyUrl, SandboxNotification notification,
        HttpClient? httpClient = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifyUrl);
        ArgumentNullException.ThrowIfNull(notification);
        var client = httpClient ?? new HttpClient();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, notifyUrl) { Content = new ByteArrayContent(notification.Body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            foreach (var (name, value) in notification.Headers)
            {
                if (!string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
                    request.Headers.TryAddWithoutValidation(name, value);
            }
            request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/4.0 (WeChatPay.Testing sandbox)");
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new SandboxNotificationDelivery((int)response.StatusCode, body);
        }
        finally
        {
            if (httpClient is null)
                client.Dispose();
        }
    }

    private static string NewMerchantId() => "19" + SandboxRandom.Digits(8);

    // Like a merchant API certificate serial: 40 upper-case hex digits.
    private static string NewSerialNumber()
    {
        var serial = SandboxRandom.Hex(20);
        return serial[0] == '0' ? "1" + serial[1..] : serial;
    }

    /// <inheritdoc/>
    public override string ToString() => $"WeChatPaySandbox {{ Merchants = {_merchants.Count}, PublicKeyId = {Platform.PublicKeyId} }}";
}

/// <summary>A signed, encrypted notification, ready to POST: the exact body and the <c>Wechatpay-*</c> headers.</summary>
public sealed class SandboxNotification
{
    internal SandboxNotification(string id, string eventType, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Id = id;
        EventType = eventType;
        Body = body;
        Headers = headers;
    }

    /// <summary>The notification ID (<c>id</c>).</summary>
    public string Id { get; }

    /// <summary>The event type, for example <c>COUPON.USE</c>.</summary>
    public string EventType { get; }

    /// <summary>The JSON body, exactly as signed.</summary>
    public byte[] Body { get; }

    /// <summary>
    /// <c>Wechatpay-Timestamp</c>, <c>Wechatpay-Nonce</c>, <c>Wechatpay-Signature</c>, <c>Wechatpay-Serial</c>,
    /// <c>Wechatpay-Signature-Type</c> and <c>Content-Type</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>A header's value, or null.</summary>
    public string? GetHeader(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"SandboxNotification {{ Id = {Id}, EventType = {EventType} }}";
}

/// <summary>The merchant's answer to a notification.</summary>
/// <param name="StatusCode">The HTTP status the merchant answered.</param>
/// <param name="Body">The answer's body, for example <c>{"code":"FAIL","message":"…"}</c>.</param>
public sealed record SandboxNotificationDelivery(int StatusCode, string Body)
{
    /// <summary>Whether WeChat Pay would take the answer as an acknowledgement: 200 or 204.</summary>
    public bool Acknowledged => StatusCode is 200 or 204;
}
