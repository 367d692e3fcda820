using System.Net;
using System.Text;
using WeChatPay.Tests.Notifications;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Errors;

/// <summary>
/// Defect 4 and the audit behind it: every failure of a call is a WeChatPayException subtype (or the caller's own
/// cancellation, or an ArgumentException for the caller's mistake), whatever the answer or the transport does.
/// </summary>
public class ExceptionContractTests
{
    private const string LoneSurrogate = "\\ud800";

    [Theory]
    [InlineData("{\"code\":\"" + LoneSurrogate + "\",\"message\":\"m\"}")]
    [InlineData("{\"code\":\"PARAM_ERROR\",\"message\":\"" + LoneSurrogate + "\"}")]
    [InlineData("{\"code\":\"PARAM_ERROR\",\"message\":\"m\",\"detail\":{\"field\":\"" + LoneSurrogate + "\",\"issue\":\"" + LoneSurrogate + "\"}}")]
    public async Task Error_body_with_an_invalid_utf16_escape_is_an_api_exception(string body)
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Gateway.Client(new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, body, HttpStatusCode.BadRequest)), id, time);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.True(error.IsVerified);
    }

    [Fact]
    public async Task Certificate_download_with_an_invalid_utf16_escape_is_a_wechatpay_exception()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var body = "{\"data\":[{\"serial_no\":\"" + LoneSurrogate + "\",\"encrypt_certificate\":{}}]}";
        var options = Gateway.Options(id, time, publicKey: false);
        options.DownloadPlatformCertificates = true;
        using var client = new WeChatPayClient(options, new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, body, withCertificate: true)));

        var error = await Assert.ThrowsAnyAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Contains("certificate", error.Message);
    }

    [Fact]
    public async Task Verified_answer_that_does_not_deserialize_is_a_wechatpay_exception()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var body = "{\"out_trade_no\":\"" + LoneSurrogate + "\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":1,\"currency\":\"CNY\"}}";
        using var client = Gateway.Client(new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, body)), id, time);
        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        var error = Assert.ThrowsAny<WeChatPayException>(() => response.Deserialize(NotificationJson.Default.PaidTransaction));

        Assert.Contains("PaidTransaction", error.Message);
    }

    [Fact]
    public async Task Media_answer_with_an_invalid_utf16_escape_is_a_wechatpay_exception()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Gateway.Client(new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"media_id\":\"" + LoneSurrogate + "\"}")), id, time);

        await Assert.ThrowsAnyAsync<WeChatPayException>(() => client.UploadMediaAsync("v3/merchant/media/upload", "a.jpg", new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public async Task Notification_with_an_invalid_utf16_escape_is_a_wechatpay_exception()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Gateway.Client(new FakeWire(_ => throw new InvalidOperationException("no call expected")), id, time);
        var body = Encoding.UTF8.GetBytes("{\"id\":\"" + LoneSurrogate + "\",\"resource\":{\"ciphertext\":\"x\",\"nonce\":\"n\"}}");
        var signature = id.SignResponse(body, time.UnixSeconds, "notify-nonce", withCertificate: false);

        await Assert.ThrowsAnyAsync<WeChatPayException>(() => client.ParseNotificationAsync(Header(signature), body, NotificationJson.Default.PaidTransaction).AsTask());
    }

    [Fact]
    public async Task A_handler_that_throws_anything_else_surfaces_as_a_wechatpay_exception()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Gateway.Client(new FakeWire(_ => throw new InvalidOperationException("proxy broke")), id, time);

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task A_timeout_that_is_not_the_callers_cancellation_is_a_wechatpay_exception()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}")) { BeforeAnswerAsync = _ => Task.Delay(Timeout.Infinite) };
        using var http = new HttpClient(wire) { Timeout = TimeSpan.FromMilliseconds(200) };
        using var client = new WeChatPayClient(Gateway.Options(id, time), http);

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Contains("timed out", error.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_an_operation_canceled_exception()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}")) { BeforeAnswerAsync = _ => Task.Delay(Timeout.Infinite) };
        using var client = Gateway.Client(wire, id, time);
        using var cancel = new CancellationTokenSource();

        var call = client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"), cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private static Func<string, string?> Header(SignatureHeaders signature) => name => name switch
    {
        SignatureHeaders.TimestampHeader => signature.Timestamp,
        SignatureHeaders.NonceHeader => signature.Nonce,
        SignatureHeaders.SignatureHeader => signature.Signature,
        SignatureHeaders.SerialHeader => signature.Serial,
        _ => null,
    };
}
