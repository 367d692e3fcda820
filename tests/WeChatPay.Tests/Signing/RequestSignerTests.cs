using System.Text;
using System.Text.RegularExpressions;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Signing;

public sealed partial class RequestSignerTests
{
    private const string Path = "/v3/marketing/busifavor/stocks/1212/couponcodes?limit=10&offset=0";
    private static readonly byte[] Body = "{\"upload_request_no\":\"100002322019090134234sfdf\",\"coupon_code_list\":[\"ABC9588200\"]}"u8.ToArray();

    [GeneratedRegex("^(?<scheme>WECHATPAY2-[A-Z0-9-]+) mchid=\"(?<mchid>[^\"]+)\",nonce_str=\"(?<nonce>[0-9A-Za-z]{32})\",signature=\"(?<signature>[A-Za-z0-9+/=]+)\",timestamp=\"(?<timestamp>[0-9]+)\",serial_no=\"(?<serial>[^\"]+)\"$")]
    private static partial Regex HeaderShape();

    [Theory]
    [InlineData(SignatureScheme.Rsa, "WECHATPAY2-SHA256-RSA2048")]
    [InlineData(SignatureScheme.ShangMi, "WECHATPAY2-SM2-WITH-SM3")]
    public void Header_has_the_documented_shape_and_parts(SignatureScheme scheme, string schemeName)
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1554208460));
        var header = TestIdentities.For(scheme).CreateSigner(clock).CreateAuthorization("POST", Path, Body);

        var match = HeaderShape().Match(header);
        Assert.True(match.Success, header);
        Assert.Equal(schemeName, match.Groups["scheme"].Value);
        Assert.Equal(TestIdentities.MerchantId, match.Groups["mchid"].Value);
        Assert.Equal("1554208460", match.Groups["timestamp"].Value);
        Assert.Equal(TestIdentities.MerchantSerialNumber, match.Groups["serial"].Value);
    }

    [Fact]
    public void Rsa_signature_verifies_with_openssl_over_the_message_rebuilt_from_the_request()
    {
        var identity = TestIdentities.Rsa;
        var header = identity.CreateSigner(new ManualTimeProvider()).CreateAuthorization("POST", Path, Body);
        var match = HeaderShape().Match(header);

        // Rebuilt from what the wire carries: method, target, the header's timestamp and nonce, and the body bytes.
        var message = Concat($"POST\n{Path}\n{match.Groups["timestamp"].Value}\n{match.Groups["nonce"].Value}\n", Body, "\n");
        Assert.True(OpenSslVerifies(identity, message, match.Groups["signature"].Value));

        var tampered = Concat($"POST\n{Path}&x=1\n{match.Groups["timestamp"].Value}\n{match.Groups["nonce"].Value}\n", Body, "\n");
        Assert.False(OpenSslVerifies(identity, tampered, match.Groups["signature"].Value));
    }

    [Fact]
    public void Sm2_signature_verifies_with_openssl_holding_only_the_merchant_public_key()
    {
        var identity = TestIdentities.ShangMi;
        var header = identity.CreateSigner(new ManualTimeProvider()).CreateAuthorization("PATCH", Path, Body);
        var match = HeaderShape().Match(header);
        var message = Concat($"PATCH\n{Path}\n{match.Groups["timestamp"].Value}\n{match.Groups["nonce"].Value}\n", Body, "\n");
        Assert.True(OpenSslVerifies(identity, message, match.Groups["signature"].Value));
    }

    [Fact]
    public void Signs_an_empty_body_as_an_empty_line_and_upper_cases_the_method()
    {
        var identity = TestIdentities.Rsa;
        var header = identity.CreateSigner(new ManualTimeProvider()).CreateAuthorization("get", "/v3/certificates", default);
        var match = HeaderShape().Match(header);
        var message = Encoding.UTF8.GetBytes($"GET\n/v3/certificates\n{match.Groups["timestamp"].Value}\n{match.Groups["nonce"].Value}\n\n");
        Assert.True(OpenSslVerifies(identity, message, match.Groups["signature"].Value));
    }

    [Fact]
    public void Prepends_the_leading_slash_to_a_relative_target()
    {
        var signer = TestIdentities.Rsa.CreateSigner(new ManualTimeProvider());
        Assert.Equal(
            signer.CreateAuthorization("GET", "/v3/certificates", default, 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242"),
            signer.CreateAuthorization("GET", "v3/certificates", default, 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242"));
    }

    [Fact]
    public void Explicit_timestamp_and_nonce_give_the_signature_of_the_rebuilt_message()
    {
        var identity = TestIdentities.Rsa;
        var header = identity.CreateSigner(new ManualTimeProvider()).CreateAuthorization("POST", Path, Body, 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242");
        var message = RequestSigner.BuildMessage("POST", Path, "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242", Body);
        Assert.Equal(Concat($"POST\n{Path}\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n", Body, "\n"), message);

        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(identity.MerchantPrivateKeyPem);
        var expected = Convert.ToBase64String(rsa.SignData(message, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1));
        Assert.Equal(
            $"WECHATPAY2-SHA256-RSA2048 mchid=\"{TestIdentities.MerchantId}\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",signature=\"{expected}\",timestamp=\"1554208460\",serial_no=\"{TestIdentities.MerchantSerialNumber}\"",
            header);
    }

    [Fact]
    public void Signs_a_large_body_and_a_utf8_target()
    {
        var identity = TestIdentities.Rsa;
        var body = Encoding.UTF8.GetBytes("{\"remark\":\"" + new string('备', 40_000) + "\"}");
        const string target = "/v3/测试/path?q=%E6%B5%8B";
        var header = identity.CreateSigner(new ManualTimeProvider()).CreateAuthorization("PUT", target, body);
        var match = HeaderShape().Match(header);
        var message = Concat($"PUT\n{target}\n{match.Groups["timestamp"].Value}\n{match.Groups["nonce"].Value}\n", body, "\n");
        Assert.True(OpenSslVerifies(identity, message, match.Groups["signature"].Value));
    }

    [Fact]
    public void Takes_the_timestamp_from_the_time_provider()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var signer = TestIdentities.Rsa.CreateSigner(clock);
        Assert.Equal("1700000000", RequestSigner.ParseAuthorization(signer.CreateAuthorization("GET", "/v3/x", default)).Timestamp);
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal("1700000061", RequestSigner.ParseAuthorization(signer.CreateAuthorization("GET", "/v3/x", default)).Timestamp);
    }

    [Fact]
    public void Draws_a_fresh_nonce_for_every_request()
    {
        var signer = TestIdentities.Rsa.CreateSigner(new ManualTimeProvider());
        var nonces = Enumerable.Range(0, 20).Select(_ => RequestSigner.ParseAuthorization(signer.CreateAuthorization("GET", "/v3/x", default)).Nonce).ToList();
        Assert.Equal(nonces.Count, nonces.Distinct(StringComparer.Ordinal).Count());
        Assert.All(nonces, n => Assert.Matches("^[0-9A-Za-z]{32}$", n));
    }

    [Theory]
    [InlineData("1900\"0109", "SERIAL")]
    [InlineData("", "SERIAL")]
    [InlineData("1900000109", "")]
    [InlineData("1900000109", "SERIAL\n")]
    public void Rejects_a_merchant_id_or_serial_a_header_cannot_carry(string merchantId, string serial)
        => Assert.Throws<WeChatPayConfigurationException>(() => new RequestSigner(merchantId, serial, TestIdentities.Rsa.CreateMerchantKey(), TimeProvider.System));

    [Fact]
    public void Parses_a_header_into_its_parts()
    {
        var parts = RequestSigner.ParseAuthorization(
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",signature=\"uOVRnA4qG/MNnYzdQxJanN+zU+lTgIcnU9BxGw5dKjK+VdEUz2FeIoC+D5sB/LN+nGzX3hfZg6r5wT1pl2ZobmIc6p0ldN7J6yDgUzbX8Uk3sD4a4eZVPTBvqNDoUqcYMlZ9uuDdCvNv4TM3c1WzsXUrExwVkI1XO5jCNbgDJ25nkT/c1gIFvqoogl7MdSFGc4W4xZsqCItnqbypR3RuGIlR9h9vlRsy7zJR9PBI83X8alLDIfR1ukt1P7tMnmogZ0cuDY8cZsd8ZlCgLadmvej58SLsIkVxFJ8XyUgx9FmutKSYTmYtWBZ0+tNvfGmbXU7cob8H/4nLBiCwIUFluw==\",timestamp=\"1554208460\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\"");
        Assert.Equal("WECHATPAY2-SHA256-RSA2048", parts.Scheme);
        Assert.Equal("1900009191", parts.MerchantId);
        Assert.Equal("593BEC0C930BF1AFEB40B4A08C8FB242", parts.Nonce);
        Assert.StartsWith("uOVRnA4qG/", parts.Signature);
        Assert.Equal("1554208460", parts.Timestamp);
        Assert.Equal("1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", parts.SerialNumber);
        Assert.DoesNotContain("uOVRnA4qG", parts.ToString());
    }

    [Fact]
    public void Parses_its_own_header_with_spaces_after_commas_too()
    {
        var header = TestIdentities.ShangMi.CreateSigner(new ManualTimeProvider()).CreateAuthorization("GET", "/v3/x", default);
        var parts = RequestSigner.ParseAuthorization(header.Replace("\",", "\", ", StringComparison.Ordinal));
        Assert.Equal("WECHATPAY2-SM2-WITH-SM3", parts.Scheme);
        Assert.Equal(TestIdentities.MerchantSerialNumber, parts.SerialNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("WECHATPAY2-SHA256-RSA2048")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"2\",signature=\"3\",timestamp=\"4\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",mchid=\"1\",nonce_str=\"2\",signature=\"3secret\",timestamp=\"4\",serial_no=\"5\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=1,nonce_str=\"2\",signature=\"3secret\",timestamp=\"4\",serial_no=\"5\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\" nonce_str=\"2\",signature=\"3secret\",timestamp=\"4\",serial_no=\"5\"")]
    [InlineData("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"2\",signature=\"3secret,timestamp=\"4\",serial_no=\"5")]
    public void Rejects_a_malformed_header_without_echoing_it(string header)
    {
        Assert.False(RequestSigner.TryParseAuthorization(header, out _));
        var error = Assert.Throws<FormatException>(() => RequestSigner.ParseAuthorization(header));
        Assert.DoesNotContain("3secret", error.Message);
    }

    private static byte[] Concat(string head, byte[] body, string tail)
        => [.. Encoding.UTF8.GetBytes(head), .. body, .. Encoding.UTF8.GetBytes(tail)];

    private static bool OpenSslVerifies(SchemeIdentity identity, byte[] message, string signatureBase64)
    {
        using var directory = new TempDirectory();
        var publicKey = directory.Write("pub.pem", identity.MerchantPublicKeyPem);
        var signature = directory.Write("sig", Convert.FromBase64String(signatureBase64));
        var data = directory.Write("msg", message);
        var result = identity.Scheme == SignatureScheme.Rsa
            ? OpenSsl.Run("dgst", "-sha256", "-verify", publicKey, "-signature", signature, data)
            : OpenSsl.Run("pkeyutl", "-verify", "-pubin", "-inkey", publicKey, "-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", data, "-sigfile", signature);
        return result.ExitCode == 0;
    }
}
