using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace WeChatPay.Generator.Tests.TestSupport;

/// <summary>
/// An in-memory WeChat Pay: an <see cref="HttpMessageHandler"/> that checks each request's <c>Authorization</c> with
/// the merchant's public key (System.Security.Cryptography, independent of the runtime's signer), records what was
/// sent, and answers with a body signed by its own platform key in public-key mode.
/// </summary>
public sealed class FakeWeChatPay : HttpMessageHandler
{
    public const string MerchantId = "1900000109";
    public const string MerchantSerialNumber = "3775B6A45ACD588826D15E583A95F5DD2C6F7A7A";
    public const string PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";
    public const string ApiV3Key = "TestApiV3Key0123456789abcdefghij";

    private static readonly Lazy<(RSA Merchant, RSA Platform)> s_keys = new(() => (RSA.Create(2048), RSA.Create(2048)));

    private readonly Func<Recorded, (HttpStatusCode Status, string Body)> _respond;

    public FakeWeChatPay(Func<Recorded, (HttpStatusCode Status, string Body)> respond) => _respond = respond;

    public static RSA MerchantKey => s_keys.Value.Merchant;

    public static RSA PlatformKey => s_keys.Value.Platform;

    /// <summary>Every request received, in order.</summary>
    public List<Recorded> Requests { get; } = new();

    /// <summary>A request as it arrived: method, exact target, body bytes, headers, and whether its signature verified.</summary>
    public sealed record Recorded(string Method, string Target, byte[] Body, string? ContentType, string? WechatpaySerial, bool SignatureValid, IReadOnlyDictionary<string, string> Headers)
    {
        public string BodyText => Encoding.UTF8.GetString(Body);
    }

    public static WeChatPayOptions Options() => new()
    {
        MerchantId = MerchantId,
        MerchantSerialNumber = MerchantSerialNumber,
        MerchantPrivateKey = MerchantKey.ExportPkcs8PrivateKeyPem(),
        ApiV3Key = ApiV3Key,
        PublicKeyId = PublicKeyId,
        PlatformPublicKey = PlatformKey.ExportSubjectPublicKeyInfoPem(),
    };

    /// <summary>Encrypts a sensitive response field to the merchant, as WeChat Pay does (RSA-OAEP, SHA-1).</summary>
    public static string EncryptForMerchant(string plaintext)
        => Convert.ToBase64String(MerchantKey.Encrypt(Encoding.UTF8.GetBytes(plaintext), RSAEncryptionPadding.OaepSHA1));

    /// <summary>Decrypts a sensitive request field with the platform private key, as WeChat Pay does.</summary>
    public static string DecryptAsPlatform(string ciphertext)
        => Encoding.UTF8.GetString(PlatformKey.Decrypt(Convert.FromBase64String(ciphertext), RSAEncryptionPadding.OaepSHA1));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        => Handle(request, request.Content?.ReadAsByteArrayAsync(cancellationToken).GetAwaiter().GetResult() ?? Array.Empty<byte>());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Handle(request, request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken));

    private HttpResponseMessage Handle(HttpRequestMessage request, byte[] body)
    {
        var target = request.RequestUri!.PathAndQuery;
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new Recorded(
            request.Method.Method,
            target,
            body,
            request.Content?.Headers.ContentType?.MediaType,
            request.Headers.TryGetValues("Wechatpay-Serial", out var serial) ? serial.First() : null,
            VerifyAuthorization(request, target, body),
            headers);
        lock (Requests)
            Requests.Add(recorded);

        var (status, text) = _respond(recorded);
        var responseBody = Encoding.UTF8.GetBytes(text);
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(responseBody), RequestMessage = request };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        response.Headers.Add("Request-ID", "08F78BB5AF0610D302839A5B0E2C5A5A");
        foreach (var (name, value) in SignatureHeaders(responseBody))
            response.Headers.Add(name, value);
        return response;
    }

    /// <summary>The <c>Wechatpay-*</c> headers that sign <paramref name="body"/> with the platform key, as WeChat Pay answers.</summary>
    public static IEnumerable<(string Name, string Value)> SignatureHeaders(byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var message = Encoding.UTF8.GetBytes(timestamp + "\n" + nonce + "\n").Concat(body).Concat(new[] { (byte)'\n' }).ToArray();
        var signature = Convert.ToBase64String(PlatformKey.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return [("Wechatpay-Timestamp", timestamp), ("Wechatpay-Nonce", nonce), ("Wechatpay-Serial", PublicKeyId), ("Wechatpay-Signature", signature)];
    }

    /// <summary>Rebuilds <c>METHOD\nTARGET\nTIMESTAMP\nNONCE\nBODY\n</c> from the wire and checks the RSA signature.</summary>
    private static bool VerifyAuthorization(HttpRequestMessage request, string target, byte[] body)
        => VerifyAuthorization(request.Method.Method, target, request.Headers.Authorization?.ToString(), body);

    /// <summary>Checks an <c>Authorization</c> value over the request as it arrived (method, exact target, body bytes).</summary>
    public static bool VerifyAuthorization(string method, string target, string? authorization, byte[] body)
    {
        const string scheme = "WECHATPAY2-SHA256-RSA2048 ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.Ordinal))
            return false;
        var fields = authorization[scheme.Length..].Split(',')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim('"'));
        if (fields.GetValueOrDefault("mchid") != MerchantId || fields.GetValueOrDefault("serial_no") != MerchantSerialNumber)
            return false;
        var message = Encoding.UTF8.GetBytes(method + "\n" + target + "\n" + fields["timestamp"] + "\n" + fields["nonce_str"] + "\n")
            .Concat(body).Concat(new[] { (byte)'\n' }).ToArray();
        return MerchantKey.VerifyData(message, Convert.FromBase64String(fields["signature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
