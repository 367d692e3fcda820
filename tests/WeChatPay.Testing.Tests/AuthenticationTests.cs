using System.Net;
using System.Text;

namespace WeChatPay.Testing.Tests;

/// <summary>
/// The gateway's signature rules, each over a real socket with a raw HttpClient and the runtime's RequestSigner:
/// every violation is 401 SIGN_ERROR, signed, with a message that names the rule and never echoes the signature.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class AuthenticationTests(SandboxFixture fixture)
{
    private const string Target = "/v3/certificates";

    private static void AssertSignError(RawResponse response, string rule)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("SIGN_ERROR", response.Json["code"]!.GetValue<string>());
        Assert.Contains(rule, response.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accepts_a_correctly_signed_request()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Rejects_unknown_mchid_with_SIGN_ERROR()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target,
            editAuthorization: a => a.Replace($"mchid=\"{fixture.Rsa.MerchantId}\"", "mchid=\"1900000000\""));

        AssertSignError(response, "unknown mchid");
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public async Task Rejects_wrong_serial_no_with_SIGN_ERROR()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target,
            editAuthorization: a => a.Replace(fixture.Rsa.MerchantSerialNumber, "1234567890ABCDEF1234567890ABCDEF12345678"));

        AssertSignError(response, "wrong serial_no");
    }

    [Fact]
    public async Task Rejects_bad_signature_when_the_body_differs_from_what_was_signed()
    {
        var stockId = await fixture.CreateStockAsync(fixture.RsaClient, fixture.Rsa);
        var target = $"/v3/marketing/busifavor/stocks/{stockId}/couponcodes";
        var signed = """{"coupon_code_list":["A1"],"upload_request_no":"u1"}""";
        var sent = Encoding.UTF8.GetBytes("""{"coupon_code_list":["A2"],"upload_request_no":"u1"}""");

        var response = await fixture.SendSignedAsync(fixture.Rsa, "POST", target, signed, sentBody: sent);

        AssertSignError(response, "bad signature");
    }

    [Fact]
    public async Task Rejects_bad_signature_when_the_target_differs_from_what_was_signed()
    {
        var response = await fixture.SendRawAsync("GET", Target + "?algorithm_type=SM2", SignFor("GET", Target), []);

        AssertSignError(response, "bad signature");
    }

    [Fact]
    public async Task Rejects_a_signature_made_with_another_key()
    {
        var other = fixture.Sandbox.ImportMerchant(TestKeys.OtherRsaPem);
        var response = await fixture.SendSignedAsync(other, "GET", Target,
            editAuthorization: a => a.Replace(other.MerchantId, fixture.Rsa.MerchantId).Replace(other.MerchantSerialNumber, fixture.Rsa.MerchantSerialNumber));

        AssertSignError(response, "bad signature");
    }

    [Fact]
    public async Task Rejects_timestamp_older_than_five_minutes()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target,
            timestamp: DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds());

        AssertSignError(response, "timestamp outside ±5 minutes");
    }

    [Fact]
    public async Task Rejects_timestamp_more_than_five_minutes_ahead()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target,
            timestamp: DateTimeOffset.UtcNow.AddMinutes(6).ToUnixTimeSeconds());

        AssertSignError(response, "timestamp outside ±5 minutes");
    }

    [Fact]
    public async Task Accepts_timestamp_four_minutes_old()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target,
            timestamp: DateTimeOffset.UtcNow.AddMinutes(-4).ToUnixTimeSeconds());

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Rejects_nonce_reused_within_five_minutes()
    {
        var nonce = SandboxFixture.NewNonce();
        var first = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target, nonce: nonce);
        var replay = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target, nonce: nonce);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        AssertSignError(replay, "nonce reused within 5 minutes");
    }

    [Fact]
    public void Accepts_a_nonce_again_once_five_minutes_have_passed()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var sandbox = new WeChatPaySandbox(fixture.Sandbox.Platform, new SandboxOptions { TimeProvider = clock });
        var merchant = sandbox.RegisterMerchant(fixture.Rsa.MerchantId, fixture.Rsa.MerchantSerialNumber, fixture.Rsa.PublicKeyPem, fixture.Rsa.ApiV3Key);
        using var key = MerchantPrivateKey.FromPem(fixture.Rsa.PrivateKeyPem!);
        var signer = new RequestSigner(merchant.MerchantId, merchant.MerchantSerialNumber, key, clock);
        var nonce = SandboxFixture.NewNonce();
        SandboxResponse Send() => sandbox.Handle(new SandboxRequest("GET", Target,
            [new("Authorization", signer.CreateAuthorization("GET", Target, [], clock.Now.ToUnixTimeSeconds(), nonce))], default));

        var first = Send();
        clock.Now = clock.Now.AddMinutes(4);
        var replay = Send();
        clock.Now = clock.Now.AddMinutes(2);
        var later = Send();

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(401, replay.StatusCode);
        Assert.Equal(200, later.StatusCode);
    }

    [Fact]
    public async Task A_forged_request_does_not_use_up_its_nonce()
    {
        var nonce = SandboxFixture.NewNonce();
        var forged = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target, nonce: nonce,
            editAuthorization: a => a.Replace("signature=\"", "signature=\"AAAA"));
        var genuine = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target, nonce: nonce);

        AssertSignError(forged, "bad signature");
        Assert.Equal(HttpStatusCode.OK, genuine.Status);
    }

    [Fact]
    public async Task Rejects_a_request_without_Authorization()
    {
        var response = await fixture.SendRawAsync("GET", Target, null, []);

        AssertSignError(response, "missing");
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=1900000109")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000109\",nonce_str=\"x\"")]
    public async Task Rejects_a_malformed_Authorization(string authorization)
    {
        var response = await fixture.SendRawAsync("GET", Target, authorization, []);

        AssertSignError(response, "");
    }

    [Fact]
    public async Task Rejects_an_RSA_scheme_for_a_ShangMi_merchant()
    {
        var response = await fixture.SendSignedAsync(fixture.ShangMi, "GET", Target,
            editAuthorization: a => a.Replace("WECHATPAY2-SM2-WITH-SM3", "WECHATPAY2-SHA256-RSA2048"));

        AssertSignError(response, "scheme does not match");
    }

    [Fact]
    public async Task Accepts_an_SM2_signed_request_from_a_ShangMi_merchant()
    {
        var response = await fixture.SendSignedAsync(fixture.ShangMi, "GET", Target + "?algorithm_type=SM2");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public async Task SIGN_ERROR_messages_never_echo_the_signature_or_the_signed_message()
    {
        string? signature = null;
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", Target,
            editAuthorization: a =>
            {
                var start = a.IndexOf("signature=\"", StringComparison.Ordinal) + 11;
                signature = a[start..a.IndexOf('"', start)];
                // A different first character, always (a signature that starts with 'Z' would otherwise stay valid).
                return a.Replace(signature, (signature[0] == 'Z' ? "Y" : "Z") + signature[1..]);
            });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.DoesNotContain(signature![1..20], response.Text);
        Assert.DoesNotContain("GET\n", response.Text);
        Assert.DoesNotContain(Target, response.Text);
    }

    private string SignFor(string method, string target)
    {
        using var key = MerchantPrivateKey.FromPem(fixture.Rsa.PrivateKeyPem!);
        return new RequestSigner(fixture.Rsa.MerchantId, fixture.Rsa.MerchantSerialNumber, key, TimeProvider.System)
            .CreateAuthorization(method, target, []);
    }
}
