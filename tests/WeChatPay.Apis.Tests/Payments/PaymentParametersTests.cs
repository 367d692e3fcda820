using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using WeChatPay.Apis.Payments;
using WeChatPay.Testing;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Apis.Tests.Payments;

/// <summary>
/// The front-end payment parameters carry a signature that independent verifiers accept (openssl for RSA and SM2,
/// BouncyCastle's SM2 signer too) over exactly the documented four lines.
/// </summary>
public class PaymentParametersTests
{
    private const string AppId = "wxd678efh567hg6787";
    private const string PrepayId = "wx201410272009395522657a690389285100";
    private const long Timestamp = 1414561699;
    private const string NonceStr = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";

    private static (WeChatPayClient Client, SandboxMerchant Merchant) ClientFor(SignatureScheme scheme)
    {
        var sandbox = new WeChatPaySandbox();
        var merchant = sandbox.CreateMerchant(scheme);
        return (new WeChatPayClient(sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/")), sandbox.CreateHandler()), merchant);
    }

    private static bool OpenSslVerifies(SandboxMerchant merchant, string message, string signatureBase64)
    {
        using var directory = new TempDirectory();
        var messageFile = directory.Write("message.txt", Encoding.UTF8.GetBytes(message));
        var signature = directory.Write("signature.bin", Convert.FromBase64String(signatureBase64));
        var publicKey = directory.Write("merchant.pub.pem", merchant.PublicKeyPem);
        var result = merchant.Scheme == SignatureScheme.Rsa
            ? OpenSsl.Run("dgst", "-sha256", "-verify", publicKey, "-signature", signature, messageFile)
            : OpenSsl.Run("dgst", "-sm3", "-verify", publicKey, "-sigopt", "distid:1234567812345678", "-signature", signature, messageFile);
        return result.ExitCode == 0 && result.Text.Contains("Verified OK", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa, "RSA")]
    [InlineData(SignatureScheme.ShangMi, "SM2")]
    public void Jsapi_pay_sign_verifies_with_openssl_over_appid_timestamp_nonce_and_package(SignatureScheme scheme, string signType)
    {
        var (client, merchant) = ClientFor(scheme);
        using var _ = client;

        var p = PaymentParameters.ForJsapi(client, AppId, PrepayId, Timestamp, NonceStr);

        Assert.Equal((AppId, "1414561699", NonceStr, "prepay_id=" + PrepayId, signType), (p.AppId, p.TimeStamp, p.NonceStr, p.Package, p.SignType));
        Assert.True(OpenSslVerifies(merchant, $"{AppId}\n1414561699\n{NonceStr}\nprepay_id={PrepayId}\n", p.PaySign));
        // The independent verifier really compares the message: one changed byte fails.
        Assert.False(OpenSslVerifies(merchant, $"{AppId}\n1414561698\n{NonceStr}\nprepay_id={PrepayId}\n", p.PaySign));
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void App_sign_verifies_with_openssl_over_appid_timestamp_nonce_and_prepay_id(SignatureScheme scheme)
    {
        var (client, merchant) = ClientFor(scheme);
        using var _ = client;

        var p = PaymentParameters.ForApp(client, AppId, PrepayId, Timestamp, NonceStr);

        Assert.Equal((AppId, merchant.MerchantId, PrepayId, "Sign=WXPay", NonceStr, "1414561699"),
            (p.AppId, p.PartnerId, p.PrepayId, p.Package, p.NonceStr, p.TimeStamp));
        Assert.True(OpenSslVerifies(merchant, $"{AppId}\n1414561699\n{NonceStr}\n{PrepayId}\n", p.Sign));
    }

    [Fact]
    public void Sm2_pay_sign_verifies_with_bouncycastle_sm2_signer_and_the_default_id()
    {
        var (client, merchant) = ClientFor(SignatureScheme.ShangMi);
        using var _ = client;

        var p = PaymentParameters.ForJsapi(client, AppId, PrepayId, Timestamp, NonceStr);

        var key = (ECPublicKeyParameters)new PemReader(new StringReader(merchant.PublicKeyPem)).ReadObject();
        var signer = new SM2Signer();
        signer.Init(false, new ParametersWithID(key, Encoding.ASCII.GetBytes("1234567812345678")));
        var message = Encoding.UTF8.GetBytes($"{AppId}\n1414561699\n{NonceStr}\nprepay_id={PrepayId}\n");
        signer.BlockUpdate(message, 0, message.Length);
        Assert.True(signer.VerifySignature(Convert.FromBase64String(p.PaySign)));
    }

    [Fact]
    public void Each_call_draws_a_fresh_nonce_and_the_current_time()
    {
        var (client, _) = ClientFor(SignatureScheme.Rsa);
        using var __ = client;

        var first = PaymentParameters.ForJsapi(client, AppId, PrepayId);
        var second = PaymentParameters.ForJsapi(client, AppId, PrepayId);

        Assert.NotEqual(first.NonceStr, second.NonceStr);
        Assert.Matches("^[0-9A-Za-z]{32}$", first.NonceStr);
        Assert.InRange(long.Parse(first.TimeStamp), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());
    }

    [Fact]
    public void Parameters_serialize_with_the_names_the_front_end_expects()
    {
        var (client, _) = ClientFor(SignatureScheme.Rsa);
        using var __ = client;

        var jsapi = JsonSerializer.Serialize(PaymentParameters.ForJsapi(client, AppId, PrepayId, Timestamp, NonceStr), WeChatPayApisJsonContext.Default.JsapiPaymentParameters);
        var app = JsonSerializer.Serialize(PaymentParameters.ForApp(client, AppId, PrepayId, Timestamp, NonceStr), WeChatPayApisJsonContext.Default.AppPaymentParameters);

        Assert.Equal(["appId", "timeStamp", "nonceStr", "package", "signType", "paySign"], JsonDocument.Parse(jsapi).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["appid", "partnerid", "prepayid", "package", "noncestr", "timestamp", "sign"], JsonDocument.Parse(app).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("wx1\nwx2")]
    [InlineData("")]
    public void A_value_with_a_line_break_or_empty_is_the_callers_mistake(string appId)
    {
        var (client, _) = ClientFor(SignatureScheme.Rsa);
        using var __ = client;

        Assert.ThrowsAny<ArgumentException>(() => PaymentParameters.ForJsapi(client, appId, PrepayId));
    }
}
