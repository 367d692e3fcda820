using System.Net;
using System.Text;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Interop;

/// <summary>Responses signed outside the runtime verify inside it; any change to them is rejected and returns no data.</summary>
public class ResponseVerificationInteropTests
{
    private const string Body = "{\"stock_id\":\"1212\",\"total_count\":2,\"data\":[{\"coupon_code\":\"ABC\"}]}";

    [Theory]
    [InlineData(SignatureScheme.Rsa, false)]
    [InlineData(SignatureScheme.Rsa, true)]
    [InlineData(SignatureScheme.ShangMi, false)]
    [InlineData(SignatureScheme.ShangMi, true)]
    public async Task Response_signed_outside_the_runtime_verifies_and_returns_the_verified_bytes(SignatureScheme scheme, bool withCertificate)
    {
        var id = TestIdentities.For(scheme);
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, Body, withCertificate: withCertificate));
        using var client = new WeChatPayClient(Gateway.Options(id, time, publicKey: true, certificate: true), wire);

        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/marketing/busifavor/stocks/1212/couponcodes"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Body, Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal("08F78BB5AF0610D4A9E2C9ED011800", response.RequestId);
    }

    public static TheoryData<string> SignedParts => new() { "body", "timestamp", "nonce", "serial", "signature" };

    [Theory]
    [MemberData(nameof(SignedParts))]
    public async Task Changing_any_one_signed_part_of_a_response_is_rejected(string part)
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var other = Gateway.Signed(id, time.UnixSeconds, "{\"other\":1}");
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, Body, tamper: response =>
        {
            switch (part)
            {
                case "body":
                    response.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body.Replace("\"total_count\":2", "\"total_count\":3")));
                    break;
                case "timestamp":
                    Gateway.Replace(response, "Wechatpay-Timestamp", Gateway.Unix(time.UnixSeconds - 1));
                    break;
                case "nonce":
                    Gateway.Replace(response, "Wechatpay-Nonce", "5K8264ILTKCH16CQ2502SI8ZNMTM67VT");
                    break;
                case "serial":
                    // Another key the client trusts: the signature does not verify under it.
                    Gateway.Replace(response, "Wechatpay-Serial", id.PlatformCertificateSerial);
                    break;
                case "signature":
                    Gateway.Replace(response, "Wechatpay-Signature", other.Headers.GetValues("Wechatpay-Signature").Single());
                    break;
            }
        }));
        using var client = new WeChatPayClient(Gateway.Options(id, time, publicKey: true, certificate: true), wire);

        var error = await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
        Assert.DoesNotContain("total_count", error.Message);
    }

    [Fact]
    public async Task Response_naming_an_unknown_serial_is_rejected_when_certificates_are_not_downloaded()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, Body, withCertificate: true));
        using var client = Gateway.Client(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
        Assert.Contains(id.PlatformCertificateSerial, error.Message);
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-299, true)]
    [InlineData(299, true)]
    [InlineData(301, false)]
    public async Task Response_timestamp_must_be_within_300_seconds_of_now(int offsetSeconds, bool accepted)
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds + offsetSeconds, Body));
        using var client = Gateway.Client(wire, id, time);

        var call = client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        if (accepted)
            Assert.Equal(Body, Encoding.UTF8.GetString((await call).Body.Span));
        else
            Assert.Contains("Wechatpay-Timestamp", (await Assert.ThrowsAsync<WeChatPayVerificationException>(() => call)).Message);
    }

    [Fact]
    public async Task Rejects_response_older_than_five_minutes_even_with_a_valid_signature()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var signedEarlier = time.UnixSeconds;
        var wire = new FakeWire(_ => Gateway.Signed(id, signedEarlier, Body));
        using var client = Gateway.Client(wire, id, time);
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        time.Advance(TimeSpan.FromSeconds(301));

        await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
    }

    [Fact]
    public async Task Probe_signature_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, Body,
            tamper: r => Gateway.Replace(r, "Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + Convert.ToBase64String(new byte[32]))));
        using var client = Gateway.Client(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
        Assert.Contains("probe", error.Message);
    }

    [Fact]
    public async Task Unsigned_success_response_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Answers.Json(HttpStatusCode.OK, Body));
        using var client = Gateway.Client(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("req-1", error.RequestId);
    }

    [Fact]
    public async Task Unsigned_empty_204_is_rejected_too()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = Gateway.Client(wire, id, time);

        await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Delete, "v3/a")));
    }

    [Fact]
    public async Task Signed_empty_204_verifies_over_an_empty_body()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "", HttpStatusCode.NoContent));
        using var client = Gateway.Client(wire, id, time);

        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Delete, "v3/a"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public async Task Unsigned_error_is_surfaced_and_flagged_unverified()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Answers.Json(HttpStatusCode.BadGateway, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"busy\"}", "gw-9"));
        using var client = Gateway.Client(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.False(error.IsVerified);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("SYSTEM_ERROR", error.Code);
        Assert.Equal("gw-9", error.RequestId);
        Assert.Contains("unverified", error.Message);
    }

    [Fact]
    public async Task Non_json_error_from_a_proxy_is_surfaced_with_its_status()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>down</html>") });
        using var client = Gateway.Client(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Null(error.Code);
        Assert.False(error.IsVerified);
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public async Task Signed_error_is_verified_with_code_message_detail_and_request_id(SignatureScheme scheme)
    {
        var id = TestIdentities.For(scheme);
        var time = new ManualTimeProvider();
        const string error = "{\"code\":\"PARAM_ERROR\",\"message\":\"参数错误\",\"detail\":{\"field\":\"/coupon_code_list/0\",\"value\":12,\"issue\":\"too long\",\"location\":\"body\"}}";
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, error, HttpStatusCode.BadRequest, requestId: "R-42"));
        using var client = Gateway.Client(wire, id, time);

        var thrown = await Assert.ThrowsAsync<WeChatPayApiException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/a") { Body = "{}"u8.ToArray() }));

        Assert.True(thrown.IsVerified);
        Assert.Equal(HttpStatusCode.BadRequest, thrown.StatusCode);
        Assert.Equal("PARAM_ERROR", thrown.Code);
        Assert.Equal("参数错误", thrown.ErrorMessage);
        Assert.Equal(new WeChatPayErrorDetail("/coupon_code_list/0", "12", "too long", "body"), thrown.Detail);
        Assert.Equal("R-42", thrown.RequestId);
        Assert.DoesNotContain("unverified", thrown.Message);
    }

    [Fact]
    public async Task Error_with_signature_headers_that_do_not_verify_is_a_verification_failure()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"code\":\"SIGN_ERROR\",\"message\":\"x\"}", HttpStatusCode.Unauthorized,
            tamper: r => r.Content = new StringContent("{\"code\":\"NOT_FOUND\",\"message\":\"forged\"}")));
        using var client = Gateway.Client(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
        Assert.DoesNotContain("forged", error.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public async Task Both_public_key_and_certificate_configured_each_verify_their_responses(SignatureScheme scheme)
    {
        var id = TestIdentities.For(scheme);
        var time = new ManualTimeProvider();
        var useCertificate = false;
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, Body, withCertificate: useCertificate));
        using var client = new WeChatPayClient(Gateway.Options(id, time, publicKey: true, certificate: true), wire);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        useCertificate = true;
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        // Requests name the public key, which the migration guide says to prefer.
        Assert.All(wire.Requests, r => Assert.Equal(id.PublicKeyId, r.Header("Wechatpay-Serial")));
    }
}
