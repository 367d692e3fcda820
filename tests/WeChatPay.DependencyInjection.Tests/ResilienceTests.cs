using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using WeChatPay.Testing;

namespace WeChatPay.DependencyInjection.Tests;

/// <summary>
/// AddStandardResilience against the sandbox over Kestrel with transient faults: safe calls are retried and each
/// attempt carries a fresh signature (the sandbox refuses a reused nonce), unsafe POSTs are not retried.
/// </summary>
public sealed class ResilienceTests
{
    private const string AppId = "wxd678efh567hg6787";

    private static async Task<(SandboxServer Server, ServiceProvider Services)> StartAsync(SandboxOptions options)
    {
        var sandbox = new WeChatPaySandbox(options);
        var merchant = sandbox.CreateMerchant();
        var server = await SandboxServer.StartAsync(sandbox);
        var source = sandbox.CreateClientOptions(merchant, server.BaseAddress);
        var services = new ServiceCollection();
        services.AddWeChatPay(o =>
        {
            o.MerchantId = source.MerchantId;
            o.MerchantSerialNumber = source.MerchantSerialNumber;
            o.MerchantPrivateKey = source.MerchantPrivateKey;
            o.ApiV3Key = source.ApiV3Key;
            o.PublicKeyId = source.PublicKeyId;
            o.PlatformPublicKey = source.PlatformPublicKey;
            o.BaseAddress = source.BaseAddress;
        }).AddStandardResilience(r =>
        {
            r.Retry.Delay = TimeSpan.FromMilliseconds(10);
            r.Retry.BackoffType = DelayBackoffType.Constant;
            r.Retry.UseJitter = false;
            r.Retry.MaxRetryAttempts = 3;
            // Generous on a loaded machine: the test is about retries, not timeouts.
            r.AttemptTimeout.Timeout = TimeSpan.FromSeconds(60);
            r.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(180);
            r.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(120);
        });
        return (server, services.BuildServiceProvider());
    }

    private static WeChatPayRequest Prepay(string mchid, string? outTradeNo)
    {
        var body = $"{{\"appid\":\"{AppId}\",\"mchid\":\"{mchid}\",\"description\":\"retry\","
            + (outTradeNo is null ? "" : $"\"out_trade_no\":\"{outTradeNo}\",")
            + "\"notify_url\":\"https://merchant.example.com/notify\",\"amount\":{\"total\":100,\"currency\":\"CNY\"},\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"}}";
        return new WeChatPayRequest(HttpMethod.Post, "v3/pay/transactions/jsapi") { Body = Encoding.UTF8.GetBytes(body) };
    }

    [Theory]
    [InlineData(SandboxTransientFault.SystemError)]
    [InlineData(SandboxTransientFault.FrequencyLimited)]
    public async Task A_GET_is_retried_through_transient_faults_with_a_fresh_signature_each_attempt(SandboxTransientFault fault)
    {
        var (server, services) = await StartAsync(new SandboxOptions { TransientFault = fault, TransientFaultBurst = 2 });
        await using var _ = server;
        await using var __ = services;
        var client = services.GetRequiredService<WeChatPayClient>();

        var outTradeNo = "RETRY-" + Guid.NewGuid().ToString("N")[..16];
        await client.SendAsync(Prepay(client.MerchantId, outTradeNo));

        // Two faulted attempts, then the third answers; a replayed nonce would have been refused with 401 SIGN_ERROR.
        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, $"v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={client.MerchantId}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.IsSignatureVerified);
        Assert.Contains(outTradeNo, Encoding.UTF8.GetString(response.Body.Span));
    }

    [Fact]
    public async Task A_POST_keyed_by_out_trade_no_is_retried()
    {
        var (server, services) = await StartAsync(new SandboxOptions { TransientFault = SandboxTransientFault.SystemError, TransientFaultBurst = 1 });
        await using var _ = server;
        await using var __ = services;
        var client = services.GetRequiredService<WeChatPayClient>();

        var response = await client.SendAsync(Prepay(client.MerchantId, "RETRY-" + Guid.NewGuid().ToString("N")[..16]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("prepay_id", Encoding.UTF8.GetString(response.Body.Span));
    }

    [Fact]
    public async Task A_POST_without_a_merchant_key_is_not_retried()
    {
        var (server, services) = await StartAsync(new SandboxOptions { TransientFault = SandboxTransientFault.SystemError, TransientFaultBurst = 1 });
        await using var _ = server;
        await using var __ = services;
        var client = services.GetRequiredService<WeChatPayClient>();

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => client.SendAsync(Prepay(client.MerchantId, outTradeNo: null)));

        // One attempt only: a retry would have been the burst's second request, answered by the endpoint (400 for the missing field).
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("SYSTEM_ERROR", error.Code);
    }

    [Theory]
    [InlineData("GET", "", true)]
    [InlineData("POST", "{\"out_trade_no\":\"T1\",\"amount\":{\"total\":1}}", true)]
    [InlineData("POST", "{\"out_refund_no\":\"R1\"}", true)]
    [InlineData("POST", "{\"amount\":{\"out_trade_no\":\"nested\"}}", false)]
    [InlineData("POST", "{\"out_trade_no\":\"\"}", false)]
    [InlineData("POST", "{\"stock_id\":\"1\"}", false)]
    [InlineData("PATCH", "{\"out_trade_no\":\"T1\"}", false)]
    public void Only_idempotent_methods_and_POSTs_keyed_by_out_no_are_safe_to_retry(string method, string body, bool safe)
    {
        var seen = new List<bool>();
        var options = new WeChatPayOptions();
        TestKeys.Configure(options);
        using var client = new WeChatPayClient(options, new ProbeHandler(seen));

        Assert.ThrowsAny<Exception>(() => client.Send(new WeChatPayRequest(new HttpMethod(method), "v3/x") { Body = Encoding.UTF8.GetBytes(body) }));

        Assert.Equal(safe, Assert.Single(seen));
    }

    private sealed class ProbeHandler(List<bool> seen) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(WeChatPayRetry.IsSafeToRetry(request));
            throw new HttpRequestException("probe");
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(Send(request, cancellationToken));
    }
}
