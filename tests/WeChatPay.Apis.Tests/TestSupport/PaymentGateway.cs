using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WeChatPay.Apis.Tests.TestSupport;

/// <summary>
/// A stand-in for WeChat Pay's payment routes, outside the runtime: it checks each request's SHA256withRSA
/// signature with the merchant public key (System.Security.Cryptography), records it, and answers what the test
/// scripted, signed with its own WeChat Pay public key. Answers marked unsigned carry no signature headers, as
/// the bill download does.
/// </summary>
public sealed partial class PaymentGateway : HttpMessageHandler
{
    public const string MerchantId = "1900000001";
    public const string MerchantSerialNumber = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    public const string PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000";

    // RSA key generation is the slow part; one pair per test run is enough.
    private static readonly RSA s_merchantKey = RSA.Create(2048);
    private static readonly RSA s_platformKey = RSA.Create(2048);

    private readonly Func<Recorded, Answer> _answer;

    public PaymentGateway(Func<Recorded, Answer> answer) => _answer = answer;

    /// <summary>Every request received, in order.</summary>
    public List<Recorded> Requests { get; } = [];

    public static string MerchantPublicKeyPem => s_merchantKey.ExportSubjectPublicKeyInfoPem();

    /// <summary>A client of this gateway at <paramref name="baseAddress"/> (WeChat Pay's own host by default).</summary>
    public WeChatPayClient CreateClient(string baseAddress = "https://api.mch.weixin.qq.com/")
        => new(new WeChatPayOptions
        {
            MerchantId = MerchantId,
            MerchantSerialNumber = MerchantSerialNumber,
            MerchantPrivateKey = s_merchantKey.ExportPkcs8PrivateKeyPem(),
            PublicKeyId = PublicKeyId,
            PlatformPublicKey = s_platformKey.ExportSubjectPublicKeyInfoPem(),
            BaseAddress = new Uri(baseAddress),
        }, this);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        => SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var target = request.RequestUri!.PathAndQuery;
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : "";
        if (!SignatureVerifies(request.Method.Method, target, body, authorization))
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        var recorded = new Recorded(request.Method.Method, request.RequestUri!, target, body,
            request.Headers.TryGetValues("Wechatpay-Serial", out var serial) ? serial.Single() : null);
        Requests.Add(recorded);
        var answer = _answer(recorded);
        var response = new HttpResponseMessage(answer.Status) { Content = new ByteArrayContent(answer.Body) };
        response.Headers.TryAddWithoutValidation("Request-ID", "08F78BB5AF0610D4A9E2C9ED011800");
        if (answer.Signed)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = Guid.NewGuid().ToString("N");
            var message = Encoding.UTF8.GetBytes(timestamp + "\n" + nonce + "\n").Concat(answer.Body).Append((byte)'\n').ToArray();
            var signature = s_platformKey.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            response.Headers.TryAddWithoutValidation("Wechatpay-Timestamp", timestamp);
            response.Headers.TryAddWithoutValidation("Wechatpay-Nonce", nonce);
            response.Headers.TryAddWithoutValidation("Wechatpay-Signature", Convert.ToBase64String(signature));
            response.Headers.TryAddWithoutValidation("Wechatpay-Serial", PublicKeyId);
        }
        return response;
    }

    private static bool SignatureVerifies(string method, string target, string body, string authorization)
    {
        var match = AuthorizationPattern().Match(authorization);
        if (!match.Success)
            return false;
        var message = $"{method}\n{target}\n{match.Groups["timestamp"].Value}\n{match.Groups["nonce"].Value}\n{body}\n";
        return s_merchantKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(match.Groups["signature"].Value),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    [GeneratedRegex("^WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\"(?<nonce>[^\"]+)\",signature=\"(?<signature>[^\"]+)\",timestamp=\"(?<timestamp>\\d+)\",serial_no=\"5157F09EFDC096DE15EBE81A47057A7232F1B8E1\"$")]
    private static partial Regex AuthorizationPattern();

    /// <summary>A request as received, after its signature verified.</summary>
    public sealed record Recorded(string Method, Uri Uri, string Target, string Body, string? WechatpaySerial);

    /// <summary>A scripted answer.</summary>
    public sealed record Answer(HttpStatusCode Status, byte[] Body, bool Signed = true)
    {
        public static Answer Json(string json, HttpStatusCode status = HttpStatusCode.OK) => new(status, Encoding.UTF8.GetBytes(json));

        public static Answer NoContent() => new(HttpStatusCode.NoContent, []);

        public static Answer Unsigned(byte[] body) => new(HttpStatusCode.OK, body, Signed: false);
    }
}
