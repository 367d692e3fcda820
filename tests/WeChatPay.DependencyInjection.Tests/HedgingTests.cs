using System.Net;
using System.Text;
using WeChatPay.Testing;

namespace WeChatPay.DependencyInjection.Tests;

/// <summary>
/// AddStandardHedging against the sandbox over Kestrel: a slow attempt of a safe call gets a hedged attempt, signed
/// afresh, whose verified answer is returned; a POST without an <c>out_*_no</c> key, or a synchronous call, is sent once.
/// </summary>
public sealed class HedgingTests
{
    private const string AppId = "wxd678efh567hg6787";

    /// <summary>Long enough that only a hedged attempt can answer; the loser is canceled, which ends its wait.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(5);

    private static Task<SandboxHost> StartAsync(SandboxOptions options) => SandboxHost.StartAsync(options, builder => builder.AddStandardHedging(h =>
    {
        // One second, so that the hedged attempt is signed in a later second than the first: its timestamp differs too.
        h.Hedging.Delay = TimeSpan.FromSeconds(1);
        h.Hedging.MaxHedgedAttempts = 1;
        // Generous on a loaded machine: the tests are about hedging, not timeouts.
        h.Endpoint.Timeout.Timeout = TimeSpan.FromMinutes(6);
        h.Endpoint.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(12);
        h.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(6);
    }));

    private static WeChatPayRequest Prepay(string mchid, string outTradeNo) => new(HttpMethod.Post, "v3/pay/transactions/jsapi")
    {
        Body = Encoding.UTF8.GetBytes($"{{\"appid\":\"{AppId}\",\"mchid\":\"{mchid}\",\"description\":\"hedging\",\"out_trade_no\":\"{outTradeNo}\","
            + "\"notify_url\":\"https://merchant.example.com/notify\",\"amount\":{\"total\":100,\"currency\":\"CNY\"},\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"}}"),
    };

    private static string NewOutTradeNo() => "HEDGE-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Creates an order at full speed, then makes the sandbox slow the next answer and answer the one after at once.</summary>
    private static async Task<string> OrderThenSlowFirstAnswerAsync(SandboxHost host)
    {
        var outTradeNo = NewOutTradeNo();
        await host.Client.SendAsync(Prepay(host.Client.MerchantId, outTradeNo));
        host.Server.Sandbox.Options.ResponseDelayBurst = 1;
        host.Server.Sandbox.Options.ResponseDelay = Slow;
        host.Wire.Attempts.Clear();
        return outTradeNo;
    }

    [Fact]
    public async Task A_slow_GET_is_hedged_and_the_hedged_attempts_verified_answer_is_returned()
    {
        await using var host = await StartAsync(new SandboxOptions());
        var outTradeNo = await OrderThenSlowFirstAnswerAsync(host);

        var response = await host.Client.SendAsync(new WeChatPayRequest(HttpMethod.Get, $"v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={host.Client.MerchantId}"));

        var attempts = host.Wire.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.IsSignatureVerified);
        Assert.Contains(outTradeNo, Encoding.UTF8.GetString(response.Body.Span));
        // The answer is the second attempt's; the first was given up unanswered.
        Assert.NotNull(attempts[1].RequestId);
        Assert.Equal(attempts[1].RequestId, response.RequestId);
        Assert.Null(attempts[0].RequestId);
    }

    [Fact]
    public async Task A_synchronous_call_is_not_hedged_and_waits_for_its_one_attempt()
    {
        await using var host = await StartAsync(new SandboxOptions());
        var outTradeNo = await OrderThenSlowFirstAnswerAsync(host);
        // Slower than the hedging delay, but short: this call waits for it. Polly runs a synchronous attempt inline,
        // so the hedging delay never gets to start a second one.
        host.Server.Sandbox.Options.ResponseDelay = TimeSpan.FromSeconds(3);

        var response = await Task.Run(() => host.Client.Send(new WeChatPayRequest(HttpMethod.Get, $"v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={host.Client.MerchantId}")));

        var attempt = Assert.Single(host.Wire.Attempts);
        Assert.True(response.IsSignatureVerified);
        Assert.Equal(attempt.RequestId, response.RequestId);
    }

    [Fact]
    public async Task Each_hedged_attempt_carries_its_own_nonce_timestamp_and_signature()
    {
        await using var host = await StartAsync(new SandboxOptions());
        var outTradeNo = await OrderThenSlowFirstAnswerAsync(host);

        await host.Client.SendAsync(new WeChatPayRequest(HttpMethod.Get, $"v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={host.Client.MerchantId}"));

        var attempts = host.Wire.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.NotEqual(attempts[0].Nonce, attempts[1].Nonce);
        Assert.True(long.Parse(attempts[1].Timestamp) > long.Parse(attempts[0].Timestamp), "the hedged attempt is signed at least a second later");
        Assert.NotEqual(attempts[0].RequestSignature, attempts[1].RequestSignature);
    }

    [Fact]
    public async Task A_POST_keyed_by_out_trade_no_is_hedged_with_its_body_sent_again()
    {
        await using var host = await StartAsync(new SandboxOptions());
        await OrderThenSlowFirstAnswerAsync(host);
        var outTradeNo = NewOutTradeNo();

        var response = await host.Client.SendAsync(Prepay(host.Client.MerchantId, outTradeNo));

        var attempts = host.Wire.Attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, a => Assert.Equal("POST", a.Method));
        // The sandbox validates the whole body: the hedged attempt's answer is the order, so its body arrived whole.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(attempts[1].RequestId, response.RequestId);
        Assert.Contains("prepay_id", Encoding.UTF8.GetString(response.Body.Span));
    }

    [Fact]
    public async Task A_POST_without_a_merchant_key_is_sent_once_however_slow()
    {
        // Slower than the hedging delay, but short: this call has to wait for it.
        await using var host = await StartAsync(new SandboxOptions { ResponseDelay = TimeSpan.FromSeconds(3) });
        var receiver = $"{{\"appid\":\"{AppId}\",\"type\":\"PERSONAL_OPENID\",\"account\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\",\"relation_type\":\"STORE\"}}";

        // Adding a profit-sharing receiver has no out_*_no: a second attempt could act twice.
        var response = await host.Client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/profitsharing/receivers/add") { Body = Encoding.UTF8.GetBytes(receiver) });

        var attempt = Assert.Single(host.Wire.Attempts);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(attempt.RequestId, response.RequestId);
    }
}
