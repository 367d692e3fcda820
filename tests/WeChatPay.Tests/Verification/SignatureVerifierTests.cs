using System.Text;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Verification;

public sealed class SignatureVerifierTests
{
    private const string NonceText = "593BEC0C930BF1AFEB40B4A08C8FB242";
    private static readonly byte[] Body = "{\"data\":[{\"code\":\"ABC9588200\",\"status\":\"AVAILABLE\"}],\"total_count\":1}"u8.ToArray();

    public static TheoryData<SignatureScheme, bool> SchemesAndKeys => new()
    {
        { SignatureScheme.Rsa, false },
        { SignatureScheme.Rsa, true },
        { SignatureScheme.ShangMi, false },
        { SignatureScheme.ShangMi, true },
    };

    [Theory]
    [MemberData(nameof(SchemesAndKeys))]
    public void Verifies_a_response_signed_outside_the_runtime(SignatureScheme scheme, bool withCertificate)
    {
        var (verifier, clock, identity) = Create(scheme);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText, withCertificate);
        Assert.Equal(VerificationResult.Verified, verifier.Verify(headers, Body));
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Verifies_an_empty_body(SignatureScheme scheme)
    {
        var (verifier, clock, identity) = Create(scheme);
        Assert.Equal(VerificationResult.Verified, verifier.Verify(identity.SignResponse(default, clock.UnixSeconds, NonceText), default));
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Verifies_a_body_larger_than_the_stack_buffer(SignatureScheme scheme)
    {
        var (verifier, clock, identity) = Create(scheme);
        var body = Encoding.UTF8.GetBytes("{\"x\":\"" + new string('码', 5000) + "\"}");
        Assert.Equal(VerificationResult.Verified, verifier.Verify(identity.SignResponse(body, clock.UnixSeconds, NonceText), body));
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Rejects_a_changed_body(SignatureScheme scheme)
    {
        var (verifier, clock, identity) = Create(scheme);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText);
        var body = (byte[])Body.Clone();
        body[10] ^= 0x20;
        AssertRejected(verifier, headers, body, "does not verify with platform key PUB_KEY_ID_");
        AssertRejected(verifier, headers, Body.AsSpan(0, Body.Length - 1).ToArray(), "does not verify");
        AssertRejected(verifier, headers, [.. Body, (byte)' '], "does not verify");
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Rejects_a_changed_timestamp(SignatureScheme scheme)
    {
        var (verifier, clock, identity) = Create(scheme);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText);
        AssertRejected(verifier, headers with { Timestamp = (clock.UnixSeconds - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }, Body, "does not verify");
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Rejects_a_changed_nonce(SignatureScheme scheme)
    {
        var (verifier, clock, identity) = Create(scheme);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText);
        AssertRejected(verifier, headers with { Nonce = "593BEC0C930BF1AFEB40B4A08C8FB243" }, Body, "does not verify");
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Rejects_a_signature_naming_another_known_key(SignatureScheme scheme)
    {
        // Signed by the WeChat Pay public key, but Wechatpay-Serial names the platform certificate.
        var (verifier, clock, identity) = Create(scheme);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText) with { Serial = identity.PlatformCertificateSerial };
        AssertRejected(verifier, headers, Body, $"does not verify with platform key {identity.PlatformCertificateSerial}");
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public void Rejects_a_changed_signature(SignatureScheme scheme)
    {
        var (verifier, clock, identity) = Create(scheme);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText);
        var signature = Convert.FromBase64String(headers.Signature!);
        signature[^5] ^= 1;
        AssertRejected(verifier, headers with { Signature = Convert.ToBase64String(signature) }, Body, "does not verify");
    }

    [Fact]
    public void Rejects_a_signature_made_with_another_key_for_the_same_id()
    {
        var (verifier, clock, _) = Create(SignatureScheme.Rsa);
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        var message = Encoding.UTF8.GetBytes($"{clock.UnixSeconds}\n{NonceText}\n").Concat(Body).Append((byte)'\n').ToArray();
        var signature = Convert.ToBase64String(stranger.SignData(message, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1));
        var headers = new SignatureHeaders(clock.UnixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), NonceText, signature, TestIdentities.PublicKeyId, null);
        AssertRejected(verifier, headers, Body, "does not verify");
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    public void Rejects_a_timestamp_more_than_300_seconds_from_now(int offset)
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var headers = identity.SignResponse(Body, clock.UnixSeconds + offset, NonceText);
        AssertRejected(verifier, headers, Body, "outside the allowed 300 s");
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(-299)]
    [InlineData(0)]
    [InlineData(299)]
    [InlineData(300)]
    public void Accepts_a_timestamp_within_300_seconds_of_now(int offset)
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var headers = identity.SignResponse(Body, clock.UnixSeconds + offset, NonceText);
        Assert.Equal(VerificationResult.Verified, verifier.Verify(headers, Body));
    }

    [Fact]
    public void Judges_the_window_by_the_time_provider()
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText);
        clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(VerificationResult.Verified, verifier.Verify(headers, Body));
        clock.Advance(TimeSpan.FromSeconds(2));
        AssertRejected(verifier, headers, Body, "outside the allowed 300 s");
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1554208460")]
    [InlineData("1554208460.5")]
    [InlineData(" 1554208460")]
    [InlineData("99999999999999999999999")]
    public void Rejects_a_timestamp_that_is_not_unix_seconds(string timestamp)
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText) with { Timestamp = timestamp };
        AssertRejected(verifier, headers, Body, "not a number of Unix seconds");
    }

    [Fact]
    public void Rejects_a_probe_signature()
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText) with { Signature = "WECHATPAY/SIGNTEST/" + Convert.ToBase64String(new byte[256]) };
        AssertRejected(verifier, headers, Body, "probe");
    }

    [Fact]
    public void Rejects_a_signature_that_is_not_base64()
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText) with { Signature = "not*base64" };
        AssertRejected(verifier, headers, Body, "not valid base64");
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa, "WECHATPAY2-SM2-WITH-SM3")]
    [InlineData(SignatureScheme.ShangMi, "WECHATPAY2-SHA256-RSA2048")]
    [InlineData(SignatureScheme.Rsa, "WECHATPAY2-SHA256-RSA4096")]
    public void Rejects_a_signature_type_that_differs_from_the_key_scheme(SignatureScheme scheme, string signatureType)
    {
        var (verifier, clock, identity) = Create(scheme);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText) with { SignatureType = signatureType };
        AssertRejected(verifier, headers, Body, "Wechatpay-Signature-Type");
    }

    [Fact]
    public void Accepts_a_response_without_a_signature_type()
    {
        var (verifier, clock, identity) = Create(SignatureScheme.ShangMi);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText) with { SignatureType = null };
        Assert.Equal(VerificationResult.Verified, verifier.Verify(headers, Body));
    }

    [Fact]
    public void Reports_an_unknown_serial_without_throwing()
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText) with { Serial = "PUB_KEY_ID_0114232134912410000000000001" };
        Assert.Equal(VerificationResult.UnknownSerial, verifier.Verify(headers, Body));
    }

    [Fact]
    public void Reports_missing_headers_without_throwing()
    {
        var (verifier, _, _) = Create(SignatureScheme.Rsa);
        Assert.Equal(VerificationResult.MissingHeaders, verifier.Verify(default(SignatureHeaders), Body));
        Assert.Equal(VerificationResult.MissingHeaders, verifier.Verify(new SignatureHeaders(null, null, null, null, "WECHATPAY2-SHA256-RSA2048"), Body));
    }

    [Theory]
    [InlineData(nameof(SignatureHeaders.Timestamp), "Wechatpay-Timestamp")]
    [InlineData(nameof(SignatureHeaders.Nonce), "Wechatpay-Nonce")]
    [InlineData(nameof(SignatureHeaders.Signature), "Wechatpay-Signature")]
    [InlineData(nameof(SignatureHeaders.Serial), "Wechatpay-Serial")]
    public void Rejects_partly_missing_headers_naming_the_missing_one(string dropped, string headerName)
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText);
        headers = dropped switch
        {
            nameof(SignatureHeaders.Timestamp) => headers with { Timestamp = null },
            nameof(SignatureHeaders.Nonce) => headers with { Nonce = null },
            nameof(SignatureHeaders.Signature) => headers with { Signature = null },
            _ => headers with { Serial = null },
        };
        AssertRejected(verifier, headers, Body, "missing: " + headerName);
    }

    [Fact]
    public void Failure_messages_never_contain_the_signature_or_the_signed_message()
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText);
        var failures = new List<(SignatureHeaders Headers, byte[] Body)>
        {
            (headers, [.. Body, (byte)'x']),
            (headers with { Nonce = "X" + NonceText[1..] }, Body),
            (headers with { Timestamp = (clock.UnixSeconds + 400).ToString(System.Globalization.CultureInfo.InvariantCulture) }, Body),
            (headers with { Signature = headers.Signature![..^4] + (headers.Signature.EndsWith("AAA=", StringComparison.Ordinal) ? "BBB=" : "AAA=") }, Body),
            (headers with { Signature = "WECHATPAY/SIGNTEST/" + headers.Signature }, Body),
            (headers with { Signature = headers.Signature + "*" }, Body),
        };
        foreach (var (h, b) in failures)
        {
            var error = Assert.Throws<WeChatPayVerificationException>(() => verifier.Verify(h, b));
            Assert.DoesNotContain(headers.Signature![..16], error.Message);
            Assert.DoesNotContain(NonceText[1..], error.Message);
            Assert.DoesNotContain("ABC9588200", error.Message);
        }
    }

    [Fact]
    public void Reads_the_headers_from_an_http_response()
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("Wechatpay-Timestamp", "1554208460");
        response.Headers.Add("Wechatpay-Nonce", NonceText);
        response.Headers.Add("Wechatpay-Signature", "c2lnbmF0dXJl");
        response.Headers.Add("Wechatpay-Serial", TestIdentities.PublicKeyId);
        response.Headers.Add("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");

        var headers = SignatureHeaders.From(response.Headers);
        Assert.Equal(new SignatureHeaders("1554208460", NonceText, "c2lnbmF0dXJl", TestIdentities.PublicKeyId, "WECHATPAY2-SHA256-RSA2048"), headers);
        Assert.True(headers.IsPresent);
        Assert.DoesNotContain("c2lnbmF0dXJl", headers.ToString());

        using var unsigned = new HttpResponseMessage();
        Assert.False(SignatureHeaders.From(unsigned.Headers).IsPresent);
    }

    [Fact]
    public void Matches_a_certificate_serial_sent_in_lower_case()
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var headers = identity.SignResponse(Body, clock.UnixSeconds, NonceText, withCertificate: true);
        Assert.Equal(VerificationResult.Verified, verifier.Verify(headers with { Serial = identity.PlatformCertificateSerial.ToLowerInvariant() }, Body));
    }

    [Fact]
    public void Fails_closed_on_a_repeated_signature_header()
    {
        var (verifier, clock, identity) = Create(SignatureScheme.Rsa);
        var signed = identity.SignResponse(Body, clock.UnixSeconds, NonceText);
        using var response = new HttpResponseMessage();
        response.Headers.Add("Wechatpay-Timestamp", signed.Timestamp);
        response.Headers.Add("Wechatpay-Nonce", signed.Nonce);
        response.Headers.Add("Wechatpay-Signature", signed.Signature);
        response.Headers.Add("Wechatpay-Signature", signed.Signature);
        response.Headers.Add("Wechatpay-Serial", signed.Serial);
        AssertRejected(verifier, SignatureHeaders.From(response.Headers), Body, "Wechatpay-Signature header is repeated");
    }

    private static (SignatureVerifier Verifier, ManualTimeProvider Clock, SchemeIdentity Identity) Create(SignatureScheme scheme)
    {
        var identity = TestIdentities.For(scheme);
        var clock = new ManualTimeProvider();
        var store = new PlatformKeyStore([identity.CreatePublicKey(), identity.CreatePlatformCertificate()], clock);
        return (new SignatureVerifier(store, clock), clock, identity);
    }

    private static void AssertRejected(SignatureVerifier verifier, SignatureHeaders headers, byte[] body, string expected)
    {
        var error = Assert.Throws<WeChatPayVerificationException>(() => verifier.Verify(headers, body));
        Assert.Contains(expected, error.Message);
    }
}
