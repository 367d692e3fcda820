using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Tests.Payments;

/// <summary>
/// Notifications delivered over loopback to a merchant endpoint on Kestrel: body and headers as WeChat Pay sends
/// them, checked with the runtime's ParseNotification; retries, the answer timeout, and shutdown.
/// </summary>
public sealed class NotificationDeliveryTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(SignatureScheme.Rsa, "AEAD_AES_256_GCM", "WECHATPAY2-SHA256-RSA2048")]
    [InlineData(SignatureScheme.ShangMi, "AEAD_SM4_GCM", "WECHATPAY2-SM2-WITH-SM3")]
    public async Task A_payment_sends_TRANSACTION_SUCCESS_that_the_runtime_verifies_and_decrypts(SignatureScheme scheme, string algorithm, string signatureType)
    {
        await using var merchant = await MerchantEndpoint.StartAcknowledgingAsync();
        await using var own = await OwnSandbox.StartAsync(scheme: scheme);
        var outTradeNo = await own.PlaceJsapiAsync(merchant.Url);

        var paid = await own.PayAsync(outTradeNo);
        var received = await merchant.NextAsync();
        var parsed = own.Client.ParseNotification(received.Header, received.Body, PaymentJson.Default.TransactionResource);

        var envelope = JsonNode.Parse(received.Body)!;
        Assert.Equal("TRANSACTION.SUCCESS", parsed.EventType);
        Assert.Equal("encrypt-resource", parsed.ResourceType);
        Assert.Equal("支付成功", parsed.Summary);
        Assert.Equal(outTradeNo, parsed.Resource.OutTradeNo);
        Assert.Equal(paid["transaction_id"]!.GetValue<string>(), parsed.Resource.TransactionId);
        Assert.Equal("SUCCESS", parsed.Resource.TradeState);
        Assert.Equal(algorithm, envelope["resource"]!["algorithm"]!.GetValue<string>());
        Assert.Equal("transaction", envelope["resource"]!["original_type"]!.GetValue<string>());
        Assert.Equal("transaction", envelope["resource"]!["associated_data"]!.GetValue<string>());
        Assert.Equal(signatureType, received.Header("Wechatpay-Signature-Type"));
        Assert.StartsWith("application/json", received.Header("Content-Type"));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_the_same_notification_signed_afresh()
    {
        await using var merchant = await MerchantEndpoint.StartAsync((number, context) =>
        {
            context.Response.StatusCode = number == 1 ? 500 : 200;
            return context.Response.WriteAsync(number == 1 ? "{\"code\":\"FAIL\",\"message\":\"busy\"}" : "");
        });
        await using var own = await OwnSandbox.StartAsync();
        var outTradeNo = await own.PlaceJsapiAsync(merchant.Url);

        await own.PayAsync(outTradeNo);
        var first = await merchant.NextAsync();
        var second = await merchant.NextAsync();
        var acknowledged = await own.Sandbox.WaitForDeliveryAsync(a => a.Acknowledged).WaitAsync(Generous);

        Assert.Equal(first.Body, second.Body);
        Assert.NotEqual(first.Header("Wechatpay-Nonce"), second.Header("Wechatpay-Nonce"));
        own.Client.ParseNotification(second.Header, second.Body, PaymentJson.Default.TransactionResource);
        Assert.Equal(2, acknowledged.Attempt);
        var attempts = own.Sandbox.NotificationDeliveries;
        Assert.Equal([500, 200], attempts.Select(a => a.StatusCode));
        Assert.Equal(2, merchant.Count);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_within_the_timeout_counts_as_failed_and_is_retried()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var merchant = await MerchantEndpoint.StartAsync(async (number, context) =>
        {
            if (number == 1)
                await release.Task.WaitAsync(context.RequestAborted);
            context.Response.StatusCode = 204;
        });
        await using var own = await OwnSandbox.StartAsync(new SandboxOptions { NotificationRetryFactor = 1000, NotificationTimeout = TimeSpan.FromSeconds(1) });
        var outTradeNo = await own.PlaceJsapiAsync(merchant.Url);

        await own.PayAsync(outTradeNo);
        var timedOut = await own.Sandbox.WaitForDeliveryAsync(a => a.Attempt == 1).WaitAsync(Generous);
        // On a loaded machine a retry may time out too; what matters is that one comes and is acknowledged.
        var acknowledged = await own.Sandbox.WaitForDeliveryAsync(a => a.Acknowledged).WaitAsync(Generous);
        release.TrySetResult();

        Assert.Null(timedOut.StatusCode);
        Assert.Equal("no answer within 1 s", timedOut.Error);
        Assert.True(acknowledged.Attempt >= 2);
    }

    [Fact]
    public async Task Delivery_never_delays_the_API_answer()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var merchant = await MerchantEndpoint.StartAsync(async (_, context) =>
        {
            await release.Task;
            context.Response.StatusCode = 204;
        });
        await using var own = await OwnSandbox.StartAsync();
        var outTradeNo = await own.PlaceJsapiAsync(merchant.Url);

        // The merchant holds the notification unanswered; the payer's answer must come regardless.
        var paid = await own.PayAsync(outTradeNo);
        var received = await merchant.NextAsync();
        release.TrySetResult();

        Assert.Equal("SUCCESS", paid["trade_state"]!.GetValue<string>());
        Assert.Equal(1, received.Number);
    }

    [Fact]
    public async Task Disposing_the_sandbox_ends_deliveries_in_flight_and_no_retry_follows()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var merchant = await MerchantEndpoint.StartAsync(async (_, context) =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
        });
        var own = await OwnSandbox.StartAsync(new SandboxOptions { NotificationRetryFactor = 1000, NotificationTimeout = TimeSpan.FromMinutes(5) });
        var outTradeNo = await own.PlaceJsapiAsync(merchant.Url);
        await own.PayAsync(outTradeNo);
        await merchant.NextAsync();

        await own.DisposeAsync().AsTask().WaitAsync(Generous);
        await aborted.Task.WaitAsync(Generous);

        Assert.Empty(own.Sandbox.NotificationDeliveries);
        Assert.Equal(1, merchant.Count);
    }

    [Fact]
    public void The_retry_schedule_is_WeChat_Pays_divided_by_the_factor()
    {
        using var background = new BackgroundWorkScope();
        var dispatcher = new NotificationDispatcher(new SandboxOptions { NotificationRetryFactor = 10 }, background.Work, (_, n) => n);
        var official = new[] { 15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600 };

        Assert.Equal(official.Select(s => TimeSpan.FromSeconds(s / 10.0)), Enumerable.Range(1, 15).Select(dispatcher.RetryDelay));
        Assert.Equal(TimeSpan.FromSeconds(15), new NotificationDispatcher(new SandboxOptions { NotificationRetryFactor = 1 }, background.Work, (_, n) => n).RetryDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(1.5), new NotificationDispatcher(new SandboxOptions(), background.Work, (_, n) => n).RetryDelay(1));
    }

    [Fact]
    public async Task An_unacknowledged_notification_is_resent_unchanged_on_each_of_the_fifteen_retries()
    {
        await using var merchant = await MerchantEndpoint.StartAsync((_, context) =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        await using var own = await OwnSandbox.StartAsync(new SandboxOptions { NotificationRetryFactor = 1_000_000 });
        var outTradeNo = await own.PlaceJsapiAsync(merchant.Url);

        await own.PayAsync(outTradeNo);
        var last = await own.Sandbox.WaitForDeliveryAsync(a => a.Attempt == 16).WaitAsync(Generous);

        Assert.False(last.Acknowledged);
        Assert.Equal(Enumerable.Range(1, 16), own.Sandbox.NotificationDeliveries.Select(a => a.Attempt));
        Assert.Equal(Encoding.UTF8.GetString(last.Notification.Body), Encoding.UTF8.GetString(own.Sandbox.NotificationDeliveries[0].Notification.Body));
    }

    private sealed class BackgroundWorkScope : IDisposable
    {
        public BackgroundWork Work { get; } = new();

        public void Dispose() => Work.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
