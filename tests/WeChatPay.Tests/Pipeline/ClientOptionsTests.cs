using System.Security.Cryptography;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Pipeline;

/// <summary>The client validates its options at construction, with messages that name the field and never echo a key.</summary>
public class ClientOptionsTests
{
    private static WeChatPayOptions Valid() => Gateway.Options(TestIdentities.Rsa, new ManualTimeProvider());

    public static TheoryData<string, string> InvalidOptions => new()
    {
        { "mchid", "MerchantId" },
        { "serial", "MerchantSerialNumber" },
        { "key", "merchant private key is missing" },
        { "garbage key", "private key" },
        { "apiv3", "32 bytes" },
        { "no verification key", "No WeChat Pay verification key" },
        { "download without apiv3", "needs WeChatPayOptions.ApiV3Key" },
        { "public key without id", "PublicKeyId" },
        { "id without public key", "PlatformPublicKey" },
        { "relative base", "absolute http or https" },
        { "ftp base", "absolute http or https" },
        { "base with query", "query" },
        { "scheme mismatch", "SignatureScheme" },
        { "zero refresh", "CertificateRefreshInterval" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_throw_a_configuration_exception_naming_what_is_wrong(string problem, string expected)
    {
        var options = Valid();
        switch (problem)
        {
            case "mchid": options.MerchantId = " "; break;
            case "serial": options.MerchantSerialNumber = ""; break;
            case "key": options.MerchantPrivateKey = null; break;
            case "garbage key": options.MerchantPrivateKey = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"; break;
            case "apiv3": options.ApiV3Key = "short"; break;
            case "no verification key": options.PublicKeyId = null; options.PlatformPublicKey = null; break;
            case "download without apiv3":
                options.PublicKeyId = null; options.PlatformPublicKey = null; options.ApiV3Key = null; options.DownloadPlatformCertificates = true;
                break;
            case "public key without id": options.PublicKeyId = null; break;
            case "id without public key": options.PlatformPublicKey = null; break;
            case "relative base": options.BaseAddress = new Uri("v3/", UriKind.Relative); break;
            case "ftp base": options.BaseAddress = new Uri("ftp://example.com/"); break;
            case "base with query": options.BaseAddress = new Uri("https://example.com/?a=1"); break;
            case "scheme mismatch": options.SignatureScheme = SignatureScheme.ShangMi; break;
            case "zero refresh": options.DownloadPlatformCertificates = true; options.CertificateRefreshInterval = TimeSpan.Zero; break;
        }

        var error = Assert.Throws<WeChatPayConfigurationException>(() => new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException())));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(TestIdentities.ApiV3Key, error.Message);
        Assert.DoesNotContain("BEGIN", error.Message);
    }

    [Fact]
    public void Base_address_without_a_trailing_slash_is_normalized()
    {
        var options = Valid();
        options.BaseAddress = new Uri("https://sandbox.example.com/wechatpay");

        using var client = new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException()));

        Assert.Equal("https://sandbox.example.com/wechatpay/", client.BaseAddress.AbsoluteUri);
    }

    [Fact]
    public void Merchant_key_is_read_from_a_file_when_no_pem_text_is_given()
    {
        using var directory = new TempDirectory();
        var options = Valid();
        options.MerchantPrivateKey = null;
        options.MerchantPrivateKeyPath = directory.Write("apiclient_key.pem", TestIdentities.Rsa.MerchantPrivateKeyPem);
        options.PlatformPublicKey = null;
        options.PlatformPublicKeyPath = directory.Write("pub_key.pem", TestIdentities.Rsa.PublicKeyPem);

        using var client = new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException()));

        Assert.Equal(TestIdentities.Rsa.PublicKeyId, client.GetEncryptionKey().Id);
    }

    [Fact]
    public void Download_mode_alone_is_a_valid_configuration()
    {
        var options = Valid();
        options.PublicKeyId = null;
        options.PlatformPublicKey = null;
        options.DownloadPlatformCertificates = true;

        using var client = new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException()));

        Assert.Empty(client.PlatformKeys);
    }

    [Fact]
    public async Task Merchant_key_given_as_an_object_signs_requests()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var rsa = RSA.Create();
        rsa.ImportFromPem(id.MerchantPrivateKeyPem);
        using var key = MerchantPrivateKey.FromRsa(rsa);
        var options = Gateway.Options(id, time);
        options.MerchantPrivateKey = null;
        options.MerchantKey = key;
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = new WeChatPayClient(options, wire);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/a") { Body = "{}"u8.ToArray() });

        var sent = Assert.Single(wire.Requests);
        using var merchantPublicKey = RSA.Create();
        merchantPublicKey.ImportFromPem(id.MerchantPublicKeyPem);
        Assert.True(merchantPublicKey.VerifyData(sent.RebuildSignedMessage(), Convert.FromBase64String(sent.AuthorizationParameters["signature"]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Merchant_key_given_as_an_object_stays_the_applications_to_dispose()
    {
        var id = TestIdentities.Rsa;
        using var key = id.CreateMerchantKey();
        var options = Valid();
        options.MerchantPrivateKey = null;
        options.MerchantKey = key;

        // One key may serve several clients; disposing a client leaves it usable.
        new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException())).Dispose();
        using (new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException())))
        {
        }

        Assert.NotEmpty(key.Sign("message"u8));
    }

    [Fact]
    public void Merchant_key_object_of_the_wrong_scheme_is_rejected_and_left_undisposed()
    {
        using var key = TestIdentities.Rsa.CreateMerchantKey();
        var options = Gateway.Options(TestIdentities.ShangMi, new ManualTimeProvider());
        options.MerchantPrivateKey = null;
        options.MerchantKey = key;

        var error = Assert.Throws<WeChatPayConfigurationException>(() => new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException())));

        Assert.Contains("SignatureScheme", error.Message);
        Assert.NotEmpty(key.Sign("message"u8));
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("path")]
    public void Merchant_key_object_together_with_pem_text_or_path_is_rejected(string other)
    {
        using var key = TestIdentities.Rsa.CreateMerchantKey();
        var options = Valid();
        options.MerchantKey = key;
        if (other == "path")
        {
            options.MerchantPrivateKey = null;
            options.MerchantPrivateKeyPath = "apiclient_key.pem";
        }

        var error = Assert.Throws<WeChatPayConfigurationException>(() => new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException())));

        Assert.Contains("MerchantKey", error.Message);
        Assert.Contains("one way only", error.Message);
        Assert.DoesNotContain("BEGIN", error.Message);
        Assert.NotEmpty(key.Sign("message"u8));
    }

    [Fact]
    public void Handler_constructor_needs_a_handler()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new WeChatPayClient(Valid(), handler: null!));

        Assert.Equal("handler", error.ParamName);
    }

    [Fact]
    public void Turning_certificate_downloads_off_again_leaves_no_downloader()
    {
        var options = Valid();
        options.DownloadPlatformCertificates = true;
        options.DownloadPlatformCertificates = false;

        Assert.False(options.DownloadPlatformCertificates);
        Assert.Null(options.CertificateDownloader);
        options.PublicKeyId = null;
        options.PlatformPublicKey = null;
        var error = Assert.Throws<WeChatPayConfigurationException>(() => new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException())));
        Assert.Contains("No WeChat Pay verification key", error.Message);
    }

    [Fact]
    public void Client_to_string_leaves_out_keys()
    {
        using var client = new WeChatPayClient(Valid(), new FakeWire(_ => throw new InvalidOperationException()));

        var text = client.ToString();

        Assert.Contains(TestIdentities.MerchantId, text);
        Assert.DoesNotContain(TestIdentities.ApiV3Key, text);
        Assert.DoesNotContain("PRIVATE", text);
    }

    [Fact]
    public void Validate_finds_nothing_wrong_with_options_a_client_accepts()
    {
        var options = Valid();

        Assert.Empty(options.Validate());
        using var client = new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException()));
    }

    [Fact]
    public void Validate_and_the_client_apply_the_same_rules_and_report_every_problem_at_once()
    {
        var options = Valid();
        options.MerchantId = "19000x0001";
        options.ApiV3Key = "this-APIv3-key-is-33-bytes-long!!";
        options.BaseAddress = new Uri("http://api.mch.weixin.qq.com/");

        var failures = options.Validate();
        var error = Assert.Throws<WeChatPayConfigurationException>(() => new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException())));

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("WeChatPayOptions.MerchantId must contain only digits", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("WeChatPayOptions.ApiV3Key must be exactly 32 bytes (it has 33)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("WeChatPayOptions.BaseAddress must use https unless it is a loopback address", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.Contains(f, error.Message));
        Assert.DoesNotContain("this-APIv3-key", error.Message);
    }

    [Fact]
    public void Validate_loads_the_keys_and_names_an_unusable_one_without_echoing_it()
    {
        var options = Valid();
        options.MerchantPrivateKey = "-----BEGIN PRIVATE KEY-----\nTUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD\n-----END PRIVATE KEY-----\n";

        var failure = Assert.Single(options.Validate("payments"));

        Assert.StartsWith("WeChatPayOptions[payments].MerchantPrivateKey is not a usable private key", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("TUlJRXZR", failure);
    }

    [Fact]
    public void Http_is_refused_off_loopback_and_accepted_on_it()
    {
        var options = Valid();
        options.BaseAddress = new Uri("http://127.0.0.1:5087/");
        using (new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException())))
        {
        }

        options.BaseAddress = new Uri("http://sandbox.example.com/");
        var error = Assert.Throws<WeChatPayConfigurationException>(() => new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException())));

        Assert.Contains("must use https unless it is a loopback address", error.Message);
    }
}
