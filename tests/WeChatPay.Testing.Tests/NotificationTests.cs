using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WeChatPay.Testing.Tests;

public sealed record CouponUseResource(
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("coupon_code")] string CouponCode,
    [property: JsonPropertyName("stock_id")] string StockId,
    [property: JsonPropertyName("openid")] string OpenId,
    [property: JsonPropertyName("use_request_no")] string UseRequestNo);

[JsonSerializable(typeof(CouponUseResource))]
public sealed partial class NotificationJson : JsonSerializerContext;

/// <summary>
/// Notifications POSTed over loopback to a merchant endpoint that verifies and decrypts them with the runtime's
/// ParseNotification, for AEAD_AES_256_GCM (RSA) and AEAD_SM4_GCM (ShangMi).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class NotificationTests(SandboxFixture fixture)
{
    /// <summary>A merchant notify_url on 127.0.0.1 that parses with <paramref name="client"/> and acknowledges with 204.</summary>
    private static async Task<(WebApplication App, Uri Url, TaskCompletionSource<WeChatPayNotification<CouponUseResource>> Received)> StartMerchantAsync(WeChatPayClient client)
    {
        var received = new TaskCompletionSource<WeChatPayNotification<CouponUseResource>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            try
            {
                var notification = client.ParseNotification(name => context.Request.Headers.TryGetValue(name, out var v) ? v.ToString() : null,
                    buffer.ToArray(), NotificationJson.Default.CouponUseResource);
                received.TrySetResult(notification);
                context.Response.StatusCode = 204;
            }
            catch (WeChatPayException ex)
            {
                received.TrySetException(ex);
                context.Response.StatusCode = 500;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"code\":\"FAIL\",\"message\":\"verification failed\"}");
            }
        });
        await app.StartAsync();
        return (app, new Uri(app.Urls.First().TrimEnd('/') + "/notify"), received);
    }

    private async Task<SandboxNotification> UsedCouponNotificationAsync(WeChatPayClient client, SandboxMerchant merchant)
    {
        var stockId = await fixture.CreateStockAsync(client, merchant, codeMode: "WECHATPAY_MODE");
        var code = (await client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(CouponFlowTests.Send(stockId, "openid-n", "send-n-" + SandboxFixture.NewNonce())))
            .Json!["coupon_code"]!.GetValue<string>();
        await client.Chain("v3/marketing/busifavor/coupons/use").PostAsync(new ChainRequestOptions
        {
            Json = new System.Text.Json.Nodes.JsonObject
            {
                ["coupon_code"] = code,
                ["stock_id"] = stockId,
                ["appid"] = "wx1234567890abcdef",
                ["use_time"] = SandboxFixture.ChinaTime(DateTimeOffset.UtcNow),
                ["use_request_no"] = "use-n-" + SandboxFixture.NewNonce(),
            },
        });
        return fixture.Sandbox.CreateCouponUseNotification(merchant, stockId, code);
    }

    [Fact]
    public async Task Delivers_a_COUPON_USE_notification_the_runtime_verifies_and_decrypts_with_AES_GCM()
    {
        var notification = await UsedCouponNotificationAsync(fixture.RsaClient, fixture.Rsa);
        var (app, url, received) = await StartMerchantAsync(fixture.RsaClient);
        await using var _ = app;

        var delivery = await WeChatPaySandbox.SendNotificationAsync(url, notification);
        var parsed = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(delivery.Acknowledged);
        Assert.Equal(204, delivery.StatusCode);
        Assert.Equal("COUPON.USE", parsed.EventType);
        Assert.Equal("encrypt-resource", parsed.ResourceType);
        Assert.Equal(notification.Id, parsed.Id);
        Assert.Equal("COUPON.USE", parsed.Resource.EventType);
        Assert.Equal("openid-n", parsed.Resource.OpenId);
        Assert.Contains("\"algorithm\":\"AEAD_AES_256_GCM\"", Encoding.UTF8.GetString(notification.Body));
        Assert.Equal("WECHATPAY2-SHA256-RSA2048", notification.GetHeader("Wechatpay-Signature-Type"));
    }

    [Fact]
    public async Task Delivers_a_ShangMi_notification_the_runtime_verifies_and_decrypts_with_SM4_GCM()
    {
        var notification = await UsedCouponNotificationAsync(fixture.Sm2Client, fixture.ShangMi);
        var (app, url, received) = await StartMerchantAsync(fixture.Sm2Client);
        await using var _ = app;

        var delivery = await WeChatPaySandbox.SendNotificationAsync(url, notification);
        var parsed = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(delivery.Acknowledged);
        Assert.Equal("COUPON.USE", parsed.Resource.EventType);
        Assert.Contains("\"algorithm\":\"AEAD_SM4_GCM\"", Encoding.UTF8.GetString(notification.Body));
        Assert.Equal("WECHATPAY2-SM2-WITH-SM3", notification.GetHeader("Wechatpay-Signature-Type"));
    }

    [Fact]
    public async Task Reports_the_merchants_failure_answer_when_it_cannot_verify()
    {
        var notification = await UsedCouponNotificationAsync(fixture.RsaClient, fixture.Rsa);
        var other = fixture.Sandbox.ImportMerchant(TestKeys.OtherRsaPem);
        using var wrongKeyClient = fixture.CreateClient(other);
        var (app, url, received) = await StartMerchantAsync(wrongKeyClient);
        await using var _ = app;

        var delivery = await WeChatPaySandbox.SendNotificationAsync(url, notification);

        Assert.False(delivery.Acknowledged);
        Assert.Equal(500, delivery.StatusCode);
        Assert.Contains("FAIL", delivery.Body);
        await Assert.ThrowsAnyAsync<WeChatPayException>(() => received.Task);
    }

    [Fact]
    public async Task A_tampered_notification_fails_verification_in_the_runtime()
    {
        var notification = await UsedCouponNotificationAsync(fixture.RsaClient, fixture.Rsa);
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(notification.Body).Replace("商家券核销通知", "商家券核销通知!"));

        Assert.Throws<WeChatPayVerificationException>(() =>
            fixture.RsaClient.ParseNotification(notification.GetHeader, body, NotificationJson.Default.CouponUseResource));
    }

    [Fact]
    public async Task Refuses_to_describe_a_coupon_that_was_not_used()
    {
        var stockId = await fixture.CreateStockAsync(fixture.RsaClient, fixture.Rsa, codeMode: "WECHATPAY_MODE");

        Assert.Throws<InvalidOperationException>(() => fixture.Sandbox.CreateCouponUseNotification(fixture.Rsa, stockId, "NONE"));
    }
}
