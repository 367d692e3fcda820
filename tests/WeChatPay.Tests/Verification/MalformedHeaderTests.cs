using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Verification;

/// <summary>Defect 5: a repeated signature header is a verification failure, and never starts a certificate download.</summary>
public class MalformedHeaderTests
{
    [Theory]
    [InlineData("Wechatpay-Serial")]
    [InlineData("Wechatpay-Timestamp")]
    [InlineData("Wechatpay-Nonce")]
    [InlineData("Wechatpay-Signature")]
    public async Task Repeated_signature_header_fails_verification_without_a_download(string header)
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(request => request.PathAndQuery.StartsWith("/v3/certificates", StringComparison.Ordinal)
            ? Gateway.Signed(id, time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)), withCertificate: true)
            : Gateway.Signed(id, time.UnixSeconds, "{}", withCertificate: true, tamper: r => r.Headers.TryAddWithoutValidation(header, r.Headers.GetValues(header).First())));
        var options = Gateway.Options(id, time, publicKey: false);
        options.DownloadPlatformCertificates = true;
        using var client = new WeChatPayClient(options, wire);

        var error = await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Contains(header, error.Message);
        Assert.Contains("repeat", error.Message);
        Assert.Equal(1, wire.Requests.Count(r => r.PathAndQuery.StartsWith("/v3/certificates", StringComparison.Ordinal)));
    }

    [Fact]
    public void Verifier_refuses_headers_read_with_a_repeat()
    {
        var keys = new PlatformKeyStore([TestIdentities.Rsa.CreatePublicKey()]);
        var verifier = new SignatureVerifier(keys, TimeProvider.System);
        var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Wechatpay-Serial", "a");
        response.Headers.TryAddWithoutValidation("Wechatpay-Serial", "b");
        response.Headers.TryAddWithoutValidation("Wechatpay-Timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("Wechatpay-Nonce", "n");
        response.Headers.TryAddWithoutValidation("Wechatpay-Signature", "s");
        var headers = SignatureHeaders.From(response.Headers);

        var error = Assert.Throws<WeChatPayVerificationException>(() => verifier.Verify(in headers, []));
        Assert.Contains("Wechatpay-Serial", error.Message);
    }
}
