using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace WeChatPay.Testing.Tests;

/// <summary>Every response, success or error, carries Request-ID and Wechatpay-* headers that verify.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ResponseSigningTests(SandboxFixture fixture)
{
    [Fact]
    public async Task Signs_success_responses_with_the_WeChat_Pay_public_key_by_default()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", "/v3/marketing/busifavor/stocks/none");
        var stockId = await fixture.CreateStockAsync(fixture.RsaClient, fixture.Rsa);
        var ok = await fixture.SendSignedAsync(fixture.Rsa, "GET", $"/v3/marketing/busifavor/stocks/{stockId}");

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(fixture.Sandbox.Platform.PublicKeyId, ok.Serial);
        Assert.True(fixture.VerifiesWithPlatformKey(ok));
        Assert.NotNull(ok.RequestId);
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public async Task Signs_error_responses_too()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "POST", "/v3/marketing/busifavor/stocks", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.RequestId);
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public async Task Signs_ShangMi_merchants_responses_with_SM2()
    {
        var response = await fixture.SendSignedAsync(fixture.ShangMi, "GET", "/v3/marketing/busifavor/stocks/none");

        Assert.Equal(fixture.Sandbox.Platform.Sm2PublicKeyId, response.Serial);
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public async Task Signs_with_the_platform_certificate_a_request_names_in_Wechatpay_Serial()
    {
        var serial = fixture.Sandbox.Platform.RsaCertificateSerialNumber;
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", "/v3/marketing/busifavor/stocks/none",
            headers: [new("Wechatpay-Serial", serial)]);

        Assert.Equal(serial, response.Serial);
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public async Task Certificate_mode_signs_with_the_platform_certificate()
    {
        var sandbox = new WeChatPaySandbox(fixture.Sandbox.Platform, new SandboxOptions { SigningMode = SandboxSigningMode.Certificate });
        var merchant = sandbox.Merchant();
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/"), certificateMode: true), sandbox.CreateHandler());

        var response = await client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(merchant) });

        Assert.Equal(fixture.Sandbox.Platform.RsaCertificateSerialNumber, response.Headers.GetValues("Wechatpay-Serial").Single());
    }

    [Fact]
    public async Task RSA_response_signatures_verify_with_the_openssl_cli()
    {
        var response = await fixture.SendSignedAsync(fixture.Rsa, "GET", "/v3/marketing/busifavor/stocks/none");

        Assert.True(OpenSslVerifies(fixture.Sandbox.Platform.PublicKeyPem, response, "-sha256"));
    }

    [Fact]
    public async Task SM2_response_signatures_verify_with_the_openssl_cli()
    {
        var response = await fixture.SendSignedAsync(fixture.ShangMi, "GET", "/v3/marketing/busifavor/stocks/none");

        Assert.True(OpenSslVerifies(fixture.Sandbox.Platform.Sm2PublicKeyPem, response, "-sm3", "-sigopt", "distid:1234567812345678"));
    }

    [Fact]
    public async Task The_runtime_client_verifies_sandbox_responses_in_both_schemes()
    {
        var rsa = await fixture.RsaClient.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(fixture.Rsa) });
        var sm2 = await fixture.Sm2Client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(fixture.ShangMi) });

        Assert.Equal(HttpStatusCode.OK, rsa.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sm2.StatusCode);
        Assert.NotNull(rsa.RequestId);
    }

    [Fact]
    public async Task The_runtime_client_reports_sandbox_errors_as_verified()
    {
        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            fixture.RsaClient.Chain("v3/marketing/busifavor/stocks/{stock_id}").GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = "404404" } }));

        Assert.Equal("RESOURCE_NOT_EXISTS", error.Code);
        Assert.True(error.IsVerified);
        Assert.NotNull(error.RequestId);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(60, true)]
    public async Task Reuses_a_response_signature_for_a_repeated_body_only_when_asked(int windowSeconds, bool reused)
    {
        var sandbox = new WeChatPaySandbox(fixture.Sandbox.Platform, new SandboxOptions { ResponseSignatureReuseWindow = TimeSpan.FromSeconds(windowSeconds) });
        var merchant = sandbox.Merchant();
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/")), sandbox.CreateHandler());
        var stockId = (await client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(merchant) }))
            .Json!["stock_id"]!.GetValue<string>();
        var query = new ChainRequestOptions { PathValues = { ["stock_id"] = stockId } };

        var first = await client.Chain(SandboxFixture.CouponCodes).GetAsync(query);
        var second = await client.Chain(SandboxFixture.CouponCodes).GetAsync(query);

        Assert.Equal(reused, first.Headers.GetValues("Wechatpay-Signature").Single() == second.Headers.GetValues("Wechatpay-Signature").Single());
        Assert.NotEqual(first.RequestId, second.RequestId);
    }

    /// <summary>Verifies with <c>openssl dgst</c>: an implementation shared with neither the sandbox nor the runtime.</summary>
    private static bool OpenSslVerifies(string publicKeyPem, RawResponse response, params string[] digest)
    {
        var directory = Directory.CreateTempSubdirectory("sandbox-openssl-");
        try
        {
            var key = Path.Combine(directory.FullName, "pub.pem");
            var message = Path.Combine(directory.FullName, "message");
            var signature = Path.Combine(directory.FullName, "signature");
            File.WriteAllText(key, publicKeyPem);
            File.WriteAllBytes(message, response.SignedMessage());
            File.WriteAllBytes(signature, Convert.FromBase64String(response.Signature!));
            var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["dgst", .. digest, "-verify", key, "-signature", signature, message])
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Contains("Verified OK", StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
