using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Notifications;

public sealed record PaidTransaction(string OutTradeNo, string TradeState, PaidAmount Amount);

public sealed record PaidAmount(int Total, string Currency);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PaidTransaction))]
internal sealed partial class NotificationJson : JsonSerializerContext;

/// <summary>Notifications: verified over the raw bytes, in the time window, decrypted, typed; every failure is an exception.</summary>
public class NotificationTests
{
    private const string Resource = "{\"out_trade_no\":\"1217752501201407033233368018\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":100,\"currency\":\"CNY\"}}";

    private static string Envelope(SignatureScheme scheme, string? algorithm = null, string resource = Resource, string apiV3Key = TestIdentities.ApiV3Key)
        => new JsonObject
        {
            ["id"] = "EV-2018022511223320873",
            ["create_time"] = "2015-05-20T13:29:35+08:00",
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = "TRANSACTION.SUCCESS",
            ["summary"] = "支付成功",
            ["resource"] = new JsonObject
            {
                ["original_type"] = "transaction",
                ["algorithm"] = algorithm ?? OutsideCrypto.Algorithm(scheme),
                ["ciphertext"] = OutsideCrypto.Encrypt(scheme, "fdasflkja484", "transaction", Encoding.UTF8.GetBytes(resource), apiV3Key),
                ["associated_data"] = "transaction",
                ["nonce"] = "fdasflkja484",
            },
        }.ToJsonString();

    /// <summary>A notification POST as WeChat Pay sends it: headers signed outside the runtime over the raw body.</summary>
    private static (HttpRequestMessage Request, byte[] Body) Notification(SchemeIdentity id, long timestamp, string body, bool withCertificate = false)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = id.SignResponse(bytes, timestamp, "notify-nonce-0001", withCertificate);
        var request = new HttpRequestMessage(HttpMethod.Post, "https://merchant.example.com/notify");
        request.Headers.TryAddWithoutValidation("Wechatpay-Timestamp", signature.Timestamp);
        request.Headers.TryAddWithoutValidation("Wechatpay-Nonce", signature.Nonce);
        request.Headers.TryAddWithoutValidation("Wechatpay-Signature", signature.Signature);
        request.Headers.TryAddWithoutValidation("Wechatpay-Serial", signature.Serial);
        request.Headers.TryAddWithoutValidation("Wechatpay-Signature-Type", signature.SignatureType);
        return (request, bytes);
    }

    private static WeChatPayClient Client(SchemeIdentity id, ManualTimeProvider time, string apiV3Key = TestIdentities.ApiV3Key)
    {
        var options = Gateway.Options(id, time, publicKey: true, certificate: true);
        options.ApiV3Key = apiV3Key;
        return new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException("no call expected")));
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa, false)]
    [InlineData(SignatureScheme.Rsa, true)]
    [InlineData(SignatureScheme.ShangMi, false)]
    [InlineData(SignatureScheme.ShangMi, true)]
    public async Task Verified_notification_is_decrypted_and_typed(SignatureScheme scheme, bool withCertificate)
    {
        var id = TestIdentities.For(scheme);
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var (request, body) = Notification(id, time.UnixSeconds, Envelope(scheme), withCertificate);

        var notification = await client.ParseNotificationAsync(request.Headers, body, NotificationJson.Default.PaidTransaction);

        Assert.Equal("EV-2018022511223320873", notification.Id);
        Assert.Equal(new DateTimeOffset(2015, 5, 20, 13, 29, 35, TimeSpan.FromHours(8)), notification.CreateTime);
        Assert.Equal("TRANSACTION.SUCCESS", notification.EventType);
        Assert.Equal("encrypt-resource", notification.ResourceType);
        Assert.Equal("支付成功", notification.Summary);
        Assert.Equal("transaction", notification.OriginalType);
        Assert.Equal(new PaidTransaction("1217752501201407033233368018", "SUCCESS", new PaidAmount(100, "CNY")), notification.Resource);
        Assert.Equal(Resource, Encoding.UTF8.GetString(notification.Plaintext.Span));
    }

    [Fact]
    public void Headers_can_be_read_through_an_accessor_as_in_ASP_NET_Core()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var (request, body) = Notification(id, time.UnixSeconds, Envelope(SignatureScheme.Rsa));
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.Single());

        var notification = client.ParseNotification(name => headers.GetValueOrDefault(name.ToLowerInvariant()), body, NotificationJson.Default.PaidTransaction);

        Assert.Equal("SUCCESS", notification.Resource.TradeState);
    }

    [Fact]
    public void Signature_covers_the_raw_bytes_so_re_serialized_json_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var raw = Envelope(SignatureScheme.Rsa).Replace(",\"", ", \"");
        var (request, _) = Notification(id, time.UnixSeconds, raw);
        var reserialized = Encoding.UTF8.GetBytes(JsonNode.Parse(raw)!.ToJsonString());

        Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(request.Headers, reserialized, NotificationJson.Default.PaidTransaction));
    }

    [Theory]
    [InlineData("Wechatpay-Timestamp")]
    [InlineData("Wechatpay-Nonce")]
    [InlineData("Wechatpay-Signature")]
    [InlineData("Wechatpay-Serial")]
    public void Missing_signature_header_is_rejected(string header)
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var (request, body) = Notification(id, time.UnixSeconds, Envelope(SignatureScheme.Rsa));
        request.Headers.Remove(header);

        var error = Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(request.Headers, body, NotificationJson.Default.PaidTransaction));
        Assert.Contains(header, error.Message);
    }

    [Fact]
    public void Notification_without_any_signature_header_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var body = Encoding.UTF8.GetBytes(Envelope(SignatureScheme.Rsa));

        var error = Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(new HttpRequestMessage().Headers, body, NotificationJson.Default.PaidTransaction));
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Notification_signed_with_the_wrong_key_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var (request, body) = Notification(id, time.UnixSeconds, Envelope(SignatureScheme.Rsa), withCertificate: true);
        // Signed with the certificate's key but naming the public key.
        request.Headers.Remove("Wechatpay-Serial");
        request.Headers.TryAddWithoutValidation("Wechatpay-Serial", id.PublicKeyId);

        Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(request.Headers, body, NotificationJson.Default.PaidTransaction));
    }

    [Fact]
    public void Signature_type_that_does_not_match_the_key_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var (request, body) = Notification(id, time.UnixSeconds, Envelope(SignatureScheme.Rsa));
        request.Headers.Remove("Wechatpay-Signature-Type");
        request.Headers.TryAddWithoutValidation("Wechatpay-Signature-Type", "WECHATPAY2-SM2-WITH-SM3");

        Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(request.Headers, body, NotificationJson.Default.PaidTransaction));
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-299, true)]
    [InlineData(301, false)]
    public void Notification_timestamp_must_be_within_five_minutes(int offset, bool accepted)
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var (request, body) = Notification(id, time.UnixSeconds + offset, Envelope(SignatureScheme.Rsa));

        if (accepted)
            Assert.Equal("SUCCESS", client.ParseNotification(request.Headers, body, NotificationJson.Default.PaidTransaction).Resource.TradeState);
        else
            Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(request.Headers, body, NotificationJson.Default.PaidTransaction));
    }

    [Fact]
    public void Wrong_APIv3_key_fails_decryption_as_a_verification_error()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time, apiV3Key: "AnotherApiV3Key0123456789abcdefg");
        var (request, body) = Notification(id, time.UnixSeconds, Envelope(SignatureScheme.Rsa));

        var error = Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(request.Headers, body, NotificationJson.Default.PaidTransaction));
        Assert.DoesNotContain("AnotherApiV3Key", error.Message);
        Assert.DoesNotContain(TestIdentities.ApiV3Key, error.Message);
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Tampered_ciphertext_fails_decryption_even_when_the_envelope_is_signed(SignatureScheme scheme)
    {
        var id = TestIdentities.For(scheme);
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var envelope = JsonNode.Parse(Envelope(scheme))!;
        var ciphertext = Convert.FromBase64String(envelope["resource"]!["ciphertext"]!.GetValue<string>());
        ciphertext[3] ^= 0x01;
        envelope["resource"]!["ciphertext"] = Convert.ToBase64String(ciphertext);
        var (request, body) = Notification(id, time.UnixSeconds, envelope.ToJsonString());

        Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(request.Headers, body, NotificationJson.Default.PaidTransaction));
    }

    [Fact]
    public void Tampered_body_without_a_new_signature_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var (request, body) = Notification(id, time.UnixSeconds, Envelope(SignatureScheme.Rsa));
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("TRANSACTION.SUCCESS", "REFUND.SUCCESS"));

        Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(request.Headers, tampered, NotificationJson.Default.PaidTransaction));
    }

    [Fact]
    public void Unknown_algorithm_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var (request, body) = Notification(id, time.UnixSeconds, Envelope(SignatureScheme.Rsa, algorithm: "AEAD_CHACHA20_POLY1305"));

        var error = Assert.Throws<WeChatPayVerificationException>(() => client.ParseNotification(request.Headers, body, NotificationJson.Default.PaidTransaction));
        Assert.Contains("AEAD_CHACHA20_POLY1305", error.Message);
    }

    [Theory]
    [InlineData("{\"id\":\"EV-1\",\"resource\":")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"id\":\"EV-1\"}")]
    public void Malformed_but_signed_json_gives_a_clear_error(string body)
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var (request, bytes) = Notification(id, time.UnixSeconds, body);

        var error = Assert.Throws<WeChatPayException>(() => client.ParseNotification(request.Headers, bytes, NotificationJson.Default.PaidTransaction));
        Assert.Contains("notification body could not be read", error.Message);
    }

    [Fact]
    public void Resource_that_does_not_fit_the_type_gives_a_clear_error()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Client(id, time);
        var (request, body) = Notification(id, time.UnixSeconds, Envelope(SignatureScheme.Rsa, resource: "{\"amount\":\"lots\"}"));

        var error = Assert.Throws<WeChatPayException>(() => client.ParseNotification(request.Headers, body, NotificationJson.Default.PaidTransaction));
        Assert.Contains(nameof(PaidTransaction), error.Message);
    }

    [Fact]
    public async Task Notification_signed_by_a_new_certificate_refreshes_the_certificates_once()
    {
        var id = TestIdentities.Rsa;
        var rotated = ExtraRsaCertificate.Rotated;
        var time = new ManualTimeProvider();
        var downloads = 0;
        var wire = new FakeWire(_ => ++downloads == 1
            ? Gateway.Signed(id, time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)), withCertificate: true)
            : rotated.Signed(time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (rotated.Serial, rotated.Pem))));
        var options = Gateway.Options(id, time, publicKey: false);
        options.DownloadPlatformCertificates = true;
        using var client = new WeChatPayClient(options, wire);
        await client.GetEncryptionKeyAsync();

        var body = Encoding.UTF8.GetBytes(Envelope(SignatureScheme.Rsa));
        using var signed = rotated.Signed(time.UnixSeconds, Encoding.UTF8.GetString(body));
        var notification = await client.ParseNotificationAsync(signed.Headers, body, NotificationJson.Default.PaidTransaction);

        Assert.Equal("SUCCESS", notification.Resource.TradeState);
        Assert.Equal(2, downloads);
    }

    [Fact]
    public void Success_acknowledgement_is_an_empty_2xx()
    {
        Assert.Equal(204, NotificationAck.Success.StatusCode);
        Assert.True(NotificationAck.Success.Body.IsEmpty);
        Assert.Equal(200, NotificationAck.SuccessOk.StatusCode);
        Assert.True(NotificationAck.SuccessOk.Body.IsEmpty);
    }

    [Fact]
    public void Failure_acknowledgement_is_escaped_json_with_code_FAIL()
    {
        const string message = "签名\"错误\"\n<retry>";

        var ack = NotificationAck.Fail(message);

        Assert.Equal(500, ack.StatusCode);
        Assert.Equal("application/json", ack.ContentType);
        using var document = JsonDocument.Parse(ack.Body);
        Assert.Equal("FAIL", document.RootElement.GetProperty("code").GetString());
        Assert.Equal(message, document.RootElement.GetProperty("message").GetString());
        Assert.Equal(2, document.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void Failure_acknowledgement_refuses_a_success_status()
        => Assert.Throws<ArgumentOutOfRangeException>(() => NotificationAck.Fail("x", 200));
}
