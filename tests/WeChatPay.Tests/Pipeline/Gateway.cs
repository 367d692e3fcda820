using System.Globalization;
using System.Net;
using System.Text;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Pipeline;

/// <summary>
/// Builds clients over a <see cref="FakeWire"/> and answers signed outside the runtime, with the platform-side keys of
/// <see cref="TestIdentities"/> (System.Security.Cryptography RSA, BouncyCastle SM2).
/// </summary>
public static class Gateway
{
    public static WeChatPayOptions Options(SchemeIdentity id, TimeProvider time, bool publicKey = true, bool certificate = false)
    {
        var options = new WeChatPayOptions
        {
            MerchantId = TestIdentities.MerchantId,
            MerchantSerialNumber = TestIdentities.MerchantSerialNumber,
            MerchantPrivateKey = id.MerchantPrivateKeyPem,
            ApiV3Key = TestIdentities.ApiV3Key,
            SignatureScheme = id.Scheme,
            TimeProvider = time,
        };
        if (publicKey)
        {
            options.PublicKeyId = id.PublicKeyId;
            options.PlatformPublicKey = id.PublicKeyPem;
        }

        if (certificate)
            options.PlatformCertificates.Add(id.PlatformCertificatePem);
        return options;
    }

    public static WeChatPayClient Client(FakeWire wire, SchemeIdentity id, ManualTimeProvider time, Action<WeChatPayOptions>? configure = null)
    {
        var options = Options(id, time);
        configure?.Invoke(options);
        return new WeChatPayClient(options, wire);
    }

    /// <summary>A response signed by WeChat Pay's public key (or its platform certificate), outside the runtime.</summary>
    public static HttpResponseMessage Signed(SchemeIdentity id, long timestamp, string body, HttpStatusCode status = HttpStatusCode.OK,
        bool withCertificate = false, string nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", string? requestId = "08F78BB5AF0610D4A9E2C9ED011800",
        Action<HttpResponseMessage>? tamper = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = id.SignResponse(bytes, timestamp, nonce, withCertificate);
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(bytes) };
        if (bytes.Length > 0)
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        AddSignature(response, signature);
        if (requestId is not null)
            response.Headers.TryAddWithoutValidation("Request-ID", requestId);
        tamper?.Invoke(response);
        return response;
    }

    public static void AddSignature(HttpResponseMessage response, SignatureHeaders signature)
    {
        response.Headers.TryAddWithoutValidation("Wechatpay-Timestamp", signature.Timestamp);
        response.Headers.TryAddWithoutValidation("Wechatpay-Nonce", signature.Nonce);
        response.Headers.TryAddWithoutValidation("Wechatpay-Signature", signature.Signature);
        response.Headers.TryAddWithoutValidation("Wechatpay-Serial", signature.Serial);
        response.Headers.TryAddWithoutValidation("Wechatpay-Signature-Type", signature.SignatureType);
    }

    public static void Replace(HttpResponseMessage response, string header, string value)
    {
        response.Headers.Remove(header);
        response.Headers.TryAddWithoutValidation(header, value);
    }

    public static string Unix(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
