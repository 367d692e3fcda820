using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Verification;

/// <summary>Defect 10: a platform certificate outside its validity never verifies anything, and the error says so.</summary>
public class ExpiredCertificateTests
{
    [Fact]
    public async Task Answer_signed_with_an_expired_certificate_fails_and_says_it_expired()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        time.Advance(TimeSpan.FromDays(6 * 366));
        using var client = new WeChatPayClient(Gateway.Options(id, time, publicKey: false, certificate: true),
            new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}", withCertificate: true)));

        var error = await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Contains("expired", error.Message);
        Assert.Contains(id.PlatformCertificateSerial, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Notification_signed_with_an_expired_certificate_fails()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        time.Advance(TimeSpan.FromDays(6 * 366));
        using var client = new WeChatPayClient(Gateway.Options(id, time, publicKey: false, certificate: true), new FakeWire(_ => throw new InvalidOperationException()));
        var body = "{}"u8.ToArray();
        var signature = id.SignResponse(body, time.UnixSeconds, "n", withCertificate: true);

        var error = Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(
            name => name switch
            {
                SignatureHeaders.TimestampHeader => signature.Timestamp,
                SignatureHeaders.NonceHeader => signature.Nonce,
                SignatureHeaders.SignatureHeader => signature.Signature,
                SignatureHeaders.SerialHeader => signature.Serial,
                _ => null,
            }, body, Notifications.NotificationJson.Default.PaidTransaction));

        Assert.Contains("expired", error.Message);
    }
}
