using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace WeChatPay.Testing.Tests;

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "loopback sandbox";
}

/// <summary>
/// One sandbox served by Kestrel on 127.0.0.1 with an ephemeral port, an RSA and a ShangMi merchant, and runtime
/// clients for both. Every test makes its own stocks, so tests never share business state.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public WeChatPaySandbox Sandbox { get; } = TestKeys.NewSandbox();

    public SandboxMerchant Rsa { get; }

    public SandboxMerchant ShangMi { get; }

    public SandboxServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public WeChatPayClient RsaClient { get; private set; } = null!;

    public WeChatPayClient Sm2Client { get; private set; } = null!;

    public SandboxFixture()
    {
        Rsa = Sandbox.Merchant(SignatureScheme.Rsa);
        ShangMi = Sandbox.Merchant(SignatureScheme.ShangMi);
    }

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(Sandbox, "http://127.0.0.1:0");
        Http = new HttpClient { BaseAddress = Server.BaseAddress };
        RsaClient = CreateClient(Rsa);
        Sm2Client = CreateClient(ShangMi);
    }

    public async Task DisposeAsync()
    {
        RsaClient.Dispose();
        Sm2Client.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    public WeChatPayClient CreateClient(SandboxMerchant merchant, bool certificateMode = false, Action<WeChatPayOptions>? configure = null)
    {
        var options = Sandbox.CreateClientOptions(merchant, Server.BaseAddress, certificateMode);
        configure?.Invoke(options);
        return new WeChatPayClient(options);
    }

    /// <summary>Signs with the runtime's RequestSigner and sends over the socket with a raw HttpClient.</summary>
    public async Task<RawResponse> SendSignedAsync(SandboxMerchant merchant, string method, string target, string? body = null,
        long? timestamp = null, string? nonce = null, Func<string, string>? editAuthorization = null, byte[]? sentBody = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        using var key = MerchantPrivateKey.FromPem(merchant.PrivateKeyPem!);
        var signer = new RequestSigner(merchant.MerchantId, merchant.MerchantSerialNumber, key, TimeProvider.System);
        var authorization = signer.CreateAuthorization(method, target, bytes,
            timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds(), nonce ?? NewNonce());
        if (editAuthorization is not null)
            authorization = editAuthorization(authorization);
        return await SendRawAsync(method, target, authorization, sentBody ?? bytes, headers);
    }

    public async Task<RawResponse> SendRawAsync(string method, string target, string? authorization, byte[] body,
        IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Server.BaseAddress, target.TrimStart('/')));
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        foreach (var (name, value) in headers ?? [])
            request.Headers.TryAddWithoutValidation(name, value);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }
        using var response = await Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.First() : null;
        return new RawResponse(response.StatusCode, bytes, Header("Wechatpay-Timestamp"), Header("Wechatpay-Nonce"),
            Header("Wechatpay-Signature"), Header("Wechatpay-Serial"), Header("Request-ID"));
    }

    public static string NewNonce() => RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 32);

    /// <summary>
    /// Verifies a response signature with System.Security.Cryptography (RSA) or BouncyCastle's SM2Signer directly,
    /// not through the sandbox's or the runtime's verification code.
    /// </summary>
    public bool VerifiesWithPlatformKey(RawResponse response)
    {
        Assert.NotNull(response.Signature);
        var message = response.SignedMessage();
        var platform = Sandbox.Platform;
        var serial = response.Serial!;
        if (serial == platform.Sm2PublicKeyId)
            return VerifySm2((ECPublicKeyParameters)PublicKeyFactory.CreateKey(Der(platform.Sm2PublicKeyPem)), message, response.Signature!);
        if (serial == platform.Sm2CertificateSerialNumber)
            return VerifySm2(CertificatePublicKey(platform.Sm2CertificatePem), message, response.Signature!);
        using var rsa = RSA.Create();
        if (serial == platform.PublicKeyId)
            rsa.ImportFromPem(platform.PublicKeyPem);
        else if (serial == platform.RsaCertificateSerialNumber)
            rsa.ImportSubjectPublicKeyInfo(X509Certificate2.CreateFromPem(platform.RsaCertificatePem).PublicKey.ExportSubjectPublicKeyInfo(), out _);
        else
            throw new InvalidOperationException($"Unknown Wechatpay-Serial {serial}.");
        return rsa.VerifyData(message, Convert.FromBase64String(response.Signature!), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static ECPublicKeyParameters CertificatePublicKey(string pem) =>
        (ECPublicKeyParameters)new Org.BouncyCastle.X509.X509CertificateParser().ReadCertificate(Der(pem)).GetPublicKey();

    private static byte[] Der(string pem) => Convert.FromBase64String(pem[PemEncoding.Find(pem).Base64Data]);

    private static bool VerifySm2(ECPublicKeyParameters key, byte[] message, string signature)
    {
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(false, new ParametersWithID(key, Encoding.ASCII.GetBytes("1234567812345678")));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.VerifySignature(Convert.FromBase64String(signature));
    }

    /// <summary>A 商家券 stock definition with every required field.</summary>
    public static JsonObject StockDefinition(SandboxMerchant merchant, string codeMode = "MERCHANT_UPLOAD", string? outRequestNo = null, int maxCoupons = 100) => new()
    {
        ["stock_name"] = "沙箱满减券",
        ["belong_merchant"] = merchant.MerchantId,
        ["comment"] = "sandbox test stock",
        ["goods_name"] = "全场可用",
        ["stock_type"] = "NORMAL",
        ["coupon_use_rule"] = new JsonObject
        {
            ["coupon_available_time"] = new JsonObject
            {
                // Around today, so that coupons sent now are within their validity window.
                ["available_begin_time"] = ChinaTime(DateTimeOffset.UtcNow.AddDays(-1)),
                ["available_end_time"] = ChinaTime(DateTimeOffset.UtcNow.AddDays(300)),
            },
            ["fixed_normal_coupon"] = new JsonObject { ["discount_amount"] = 500, ["transaction_minimum"] = 1000 },
            ["use_method"] = "OFF_LINE",
        },
        ["stock_send_rule"] = new JsonObject { ["max_coupons"] = maxCoupons, ["max_coupons_per_user"] = 5 },
        ["out_request_no"] = outRequestNo ?? "create-" + NewNonce(),
        ["coupon_code_mode"] = codeMode,
    };

    public static string ChinaTime(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Creates a stock through the runtime's untyped chain and returns its stock_id.</summary>
    public async Task<string> CreateStockAsync(WeChatPayClient client, SandboxMerchant merchant, string codeMode = "MERCHANT_UPLOAD", int maxCoupons = 100)
    {
        var created = await client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = StockDefinition(merchant, codeMode, maxCoupons: maxCoupons) });
        return created.Json!["stock_id"]!.GetValue<string>();
    }

    public static ChainRequestOptions Upload(string stockId, string uploadRequestNo, params string[] codes) => new()
    {
        PathValues = { ["stock_id"] = stockId },
        Json = new JsonObject
        {
            ["coupon_code_list"] = new JsonArray(codes.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["upload_request_no"] = uploadRequestNo,
        },
    };

    public const string CouponCodes = "v3/marketing/busifavor/stocks/{stock_id}/couponcodes";
}

public sealed record RawResponse(HttpStatusCode Status, byte[] Body, string? Timestamp, string? Nonce, string? Signature, string? Serial, string? RequestId)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonNode Json => JsonNode.Parse(Body)!;

    public byte[] SignedMessage() => [.. Encoding.UTF8.GetBytes($"{Timestamp}\n{Nonce}\n"), .. Body, (byte)'\n'];
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
