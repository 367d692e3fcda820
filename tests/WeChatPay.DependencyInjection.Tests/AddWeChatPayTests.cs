using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WeChatPay.DependencyInjection.Tests;

public class AddWeChatPayTests
{
    private static ServiceProvider Build(IServiceCollection services)
        => services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    private static (ServiceProvider Provider, SignedResponder Responder) BuildWithResponder(
        Action<WeChatPayBuilder>? configure = null, int failFirst = 0)
    {
        var responder = new SignedResponder(failFirst);
        var services = new ServiceCollection();
        var builder = services.AddWeChatPay(options => TestKeys.Configure(options))
            .AddClient<IPingApi>(IPingApi.Create);
        configure?.Invoke(builder);
        builder.HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => responder);
        return (Build(services), responder);
    }

    [Fact]
    public void Registration_resolves_the_client_and_a_generated_interface_with_ValidateOnBuild()
    {
        using var provider = BuildWithResponder().Provider;

        var api = provider.GetRequiredService<IPingApi>();
        var client = provider.GetRequiredService<WeChatPayClient>();

        Assert.NotNull(api);
        Assert.Same(client, provider.GetRequiredService<WeChatPayClient>());
        Assert.Same(api, provider.GetRequiredService<IPingApi>());
    }

    [Fact]
    public void Registers_its_own_services_by_factory_or_instance_never_by_reflection_activation()
    {
        var services = new ServiceCollection();
        services.AddWeChatPay(options => TestKeys.Configure(options)).AddClient<IPingApi>(IPingApi.Create);

        var ours = services.Where(d => IsOurs(d.ServiceType) || IsOurs(d.ImplementationType)
            || (d.ServiceType.IsGenericType && d.ServiceType.GenericTypeArguments.Any(IsOurs))).ToList();

        Assert.Contains(ours, d => d.ServiceType == typeof(WeChatPayClient));
        Assert.Contains(ours, d => d.ServiceType == typeof(IPingApi));
        Assert.Contains(ours, d => d.ServiceType == typeof(IValidateOptions<WeChatPayOptions>));
        Assert.All(ours.Where(d => d.ImplementationType is not null && IsOurs(d.ImplementationType)),
            d => Assert.Fail($"{d.ServiceType.Name} is activated by reflection from {d.ImplementationType!.Name}"));

        static bool IsOurs(Type? type) => type is not null
            && (type.Assembly == typeof(WeChatPayClient).Assembly
                || type.Assembly == typeof(WeChatPayBuilder).Assembly
                || type.Assembly == typeof(AddWeChatPayTests).Assembly);
    }

    [Fact]
    public async Task Typed_client_sends_through_the_IHttpClientFactory_pipeline()
    {
        var recorder = new RecordingHandler();
        var (provider, responder) = BuildWithResponder(b => b.HttpClientBuilder.AddHttpMessageHandler(() => recorder));
        using var _ = provider;

        var response = await provider.GetRequiredService<IPingApi>().PingAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("""{"pong":true}""", System.Text.Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(1, recorder.Count);
        var request = Assert.Single(responder.Requests);
        Assert.Equal("/v3/ping", request.Target);
        Assert.True(AuthorizationCheck.Verifies("GET", "/v3/ping", request.Authorization!));
    }

    [Fact]
    public async Task Retry_handler_added_by_the_application_re_signs_each_resend_with_a_fresh_nonce()
    {
        var (provider, responder) = BuildWithResponder(b => b.HttpClientBuilder.AddHttpMessageHandler(() => new RetryOnceHandler()), failFirst: 1);
        using var _ = provider;

        var response = await provider.GetRequiredService<IPingApi>().PingAsync();

        Assert.Equal(200, (int)response.StatusCode);
        var attempts = responder.Requests.ToArray();
        Assert.Equal(2, attempts.Length);
        var nonces = attempts.Select(a => AuthorizationCheck.Parse(a.Authorization!)["nonce_str"]).ToArray();
        Assert.NotEqual(nonces[0], nonces[1]);
        Assert.All(attempts, a => Assert.True(AuthorizationCheck.Verifies("GET", "/v3/ping", a.Authorization!)));
    }

    [Fact]
    public void Retry_handler_re_signs_each_resend_on_the_synchronous_path_too()
    {
        var (provider, responder) = BuildWithResponder(b => b.HttpClientBuilder.AddHttpMessageHandler(() => new RetryOnceHandler()), failFirst: 1);
        using var _ = provider;

        var response = provider.GetRequiredService<IPingApi>().Ping();

        Assert.Equal(200, (int)response.StatusCode);
        var attempts = responder.Requests.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.NotEqual(AuthorizationCheck.Parse(attempts[0].Authorization!)["nonce_str"], AuthorizationCheck.Parse(attempts[1].Authorization!)["nonce_str"]);
        Assert.All(attempts, a => Assert.True(AuthorizationCheck.Verifies("GET", "/v3/ping", a.Authorization!)));
    }

    [Fact]
    public void Binds_options_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeChatPay:MerchantId"] = TestKeys.MerchantId,
            ["WeChatPay:MerchantSerialNumber"] = TestKeys.MerchantSerialNumber,
            ["WeChatPay:MerchantPrivateKey"] = TestKeys.MerchantPrivateKeyPem,
            ["WeChatPay:ApiV3Key"] = TestKeys.ApiV3Key,
            ["WeChatPay:PublicKeyId"] = TestKeys.PublicKeyId,
            ["WeChatPay:PlatformPublicKey"] = TestKeys.PlatformPublicKeyPem,
            ["WeChatPay:BaseAddress"] = "http://127.0.0.1:5000/",
            ["WeChatPay:CertificateRefreshInterval"] = "06:00:00",
            ["WeChatPay:CertificateDownloadTimeout"] = "00:00:10",
            ["WeChatPay:MaxResponseBodySize"] = "1048576",
            ["WeChatPay:PlatformCertificates:0"] = PlatformCertificatePem.Value,
        }).Build();
        var services = new ServiceCollection();
        services.AddWeChatPay(configuration.GetSection("WeChatPay"));
        using var provider = Build(services);

        var options = provider.GetRequiredService<IOptions<WeChatPayOptions>>().Value;

        Assert.Equal(TestKeys.MerchantId, options.MerchantId);
        Assert.Equal(TestKeys.MerchantSerialNumber, options.MerchantSerialNumber);
        Assert.Equal(TestKeys.PublicKeyId, options.PublicKeyId);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromHours(6), options.CertificateRefreshInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.CertificateDownloadTimeout);
        Assert.Equal(1048576, options.MaxResponseBodySize);
        Assert.Equal([PlatformCertificatePem.Value], options.PlatformCertificates);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    public static TheoryData<string, string, string> BadOptions => new()
    {
        { "MerchantId", "", "WeChatPayOptions.MerchantId is required" },
        { "MerchantId", "19000x0001", "WeChatPayOptions.MerchantId must contain only digits" },
        { "MerchantSerialNumber", "", "WeChatPayOptions.MerchantSerialNumber is required" },
        { "MerchantSerialNumber", "not-a-serial", "WeChatPayOptions.MerchantSerialNumber must be the certificate serial number in hex" },
        { "MerchantPrivateKey", "", "WeChatPayOptions.MerchantPrivateKey is required" },
        { "MerchantPrivateKeyPath", "/nonexistent/apiclient_key.pem", "WeChatPayOptions.MerchantPrivateKeyPath names a file that does not exist" },
        { "ApiV3Key", "too-short", "WeChatPayOptions.ApiV3Key must be exactly 32 bytes (it has 9)" },
        { "PublicKeyId", "0114232134912410000000000000", "WeChatPayOptions.PublicKeyId must start with PUB_KEY_ID_" },
        { "PlatformPublicKey", "", "WeChatPayOptions.PlatformPublicKey is required with PublicKeyId" },
        { "BaseAddress", "http://api.mch.weixin.qq.com/", "WeChatPayOptions.BaseAddress must use https unless it is a loopback address" },
        { "BaseAddress", "not a uri", "WeChatPayOptions.BaseAddress must be an absolute http or https URI" },
        { "PlatformCertificates:0", "-----BEGIN CERTIFICATE-----", "A WeChat Pay key in WeChatPayOptions is not usable: The platform certificate is not PEM text" },
    };

    /// <summary>A self-signed certificate over the test platform key, as certificate mode configures it.</summary>
    private static readonly Lazy<string> PlatformCertificatePem = new(() =>
    {
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=WeChat Pay test platform", TestKeys.Platform, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem();
    });

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Startup_validation_names_the_bad_field(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["MerchantId"] = TestKeys.MerchantId,
            ["MerchantSerialNumber"] = TestKeys.MerchantSerialNumber,
            ["MerchantPrivateKey"] = TestKeys.MerchantPrivateKeyPem,
            ["ApiV3Key"] = TestKeys.ApiV3Key,
            ["PublicKeyId"] = TestKeys.PublicKeyId,
            ["PlatformPublicKey"] = TestKeys.PlatformPublicKeyPem,
        };
        values[key] = value;
        if (key == "MerchantPrivateKeyPath")
            values.Remove("MerchantPrivateKey");
        var services = new ServiceCollection();
        services.AddWeChatPay(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        using var provider = Build(services);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(TestKeys.ApiV3Key, error.Message);
        Assert.DoesNotContain("PRIVATE KEY", error.Message);
    }

    [Fact]
    public void Startup_validation_never_echoes_the_api_v3_key_or_the_private_key()
    {
        var services = new ServiceCollection();
        services.AddWeChatPay(options =>
        {
            TestKeys.Configure(options);
            options.ApiV3Key = "this-APIv3-key-is-33-bytes-long!!";
            options.MerchantPrivateKey = "-----BEGIN PRIVATE KEY-----\nTUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD\n-----END PRIVATE KEY-----\n";
        });
        using var provider = Build(services);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("WeChatPayOptions.ApiV3Key must be exactly 32 bytes (it has 33)", error.Message);
        Assert.Contains("WeChatPayOptions.MerchantPrivateKey is not a usable private key", error.Message);
        Assert.DoesNotContain("this-APIv3-key", error.Message);
        Assert.DoesNotContain("TUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD", error.Message);
    }

    [Fact]
    public async Task Merchant_key_object_passes_startup_validation_signs_requests_and_outlives_the_container()
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(TestKeys.Merchant.ExportPkcs8PrivateKey(), out _);
        using var key = MerchantPrivateKey.FromRsa(rsa);
        var responder = new SignedResponder();
        var services = new ServiceCollection();
        services.AddWeChatPay(options =>
        {
            TestKeys.Configure(options);
            options.MerchantPrivateKey = null;
            options.MerchantKey = key;
        }).AddClient<IPingApi>(IPingApi.Create).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => responder);

        using (var provider = Build(services))
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            await provider.GetRequiredService<IPingApi>().PingAsync();
        }

        Assert.True(AuthorizationCheck.Verifies("GET", "/v3/ping", Assert.Single(responder.Requests).Authorization!));
        Assert.NotEmpty(key.Sign("still usable"u8)); // the application owns the key: disposing the container left it alone
    }

    [Fact]
    public void Startup_validation_rejects_a_merchant_key_object_beside_pem_text()
    {
        using var key = MerchantPrivateKey.FromPem(TestKeys.MerchantPrivateKeyPem);
        var services = new ServiceCollection();
        services.AddWeChatPay(options =>
        {
            TestKeys.Configure(options);
            options.MerchantKey = key;
        });
        using var provider = Build(services);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("WeChatPayOptions.MerchantKey is set together with MerchantPrivateKey or MerchantPrivateKeyPath", error.Message);
        Assert.DoesNotContain("PRIVATE KEY", error.Message);
        Assert.NotEmpty(key.Sign("still usable"u8));
    }

    [Fact]
    public void Resolving_the_client_with_invalid_options_fails_with_the_field_name()
    {
        var services = new ServiceCollection();
        services.AddWeChatPay(options => { TestKeys.Configure(options); options.MerchantId = ""; });
        using var provider = Build(services);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<WeChatPayClient>());

        Assert.Contains("WeChatPayOptions.MerchantId is required", error.Message);
    }
}
