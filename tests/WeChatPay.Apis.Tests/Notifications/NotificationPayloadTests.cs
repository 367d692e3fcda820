using System.Text;
using WeChatPay.Apis.Favor;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.Refunds;
using WeChatPay.Apis.Tests.TestSupport;
using WeChatPay.Testing;

namespace WeChatPay.Apis.Tests.Notifications;

/// <summary>
/// The typed resources read through <c>client.ParseNotificationAsync</c>, from notifications the sandbox signs with
/// its platform key and encrypts with the merchant's APIv3 key (AES-256-GCM, or SM4-GCM for ShangMi).
/// </summary>
public class NotificationPayloadTests
{
    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public async Task Transaction_success_notification_decrypts_into_a_transaction(SignatureScheme scheme)
    {
        var sandbox = new WeChatPaySandbox();
        var merchant = sandbox.CreateMerchant(scheme);
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/")), sandbox.CreateHandler());
        var sent = sandbox.CreateNotification(merchant, "TRANSACTION.SUCCESS", "支付成功", Encoding.UTF8.GetBytes(Samples.Transaction), "transaction");

        var notification = await client.ParseNotificationAsync(sent.GetHeader, sent.Body, WeChatPayApisJsonContext.Default.Transaction);

        Assert.Equal("TRANSACTION.SUCCESS", notification.EventType);
        Assert.Equal(TradeState.Success, notification.Resource.TradeState);
        Assert.Equal(100, notification.Resource.Amount!.Total);
        Assert.Equal("1217752501201407033233368018", notification.Resource.TransactionId);
    }

    [Theory]
    [InlineData("REFUND.SUCCESS", "SUCCESS")]
    [InlineData("REFUND.ABNORMAL", "ABNORMAL")]
    [InlineData("REFUND.CLOSED", "CLOSED")]
    public async Task Refund_notifications_decrypt_into_a_refund_notice(string eventType, string status)
    {
        var sandbox = new WeChatPaySandbox();
        var merchant = sandbox.CreateMerchant();
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/")), sandbox.CreateHandler());
        var plaintext = Samples.RefundNotice.Replace("\"refund_status\": \"SUCCESS\"", $"\"refund_status\": \"{status}\"");
        var sent = sandbox.CreateNotification(merchant, eventType, "退款状态", Encoding.UTF8.GetBytes(plaintext), "refund");

        var notification = await client.ParseNotificationAsync(sent.GetHeader, sent.Body, WeChatPayApisJsonContext.Default.RefundNotice);

        Assert.Equal(eventType, notification.EventType);
        Assert.Equal(new RefundStatus(status), notification.Resource.RefundStatus);
        Assert.Equal(("50200207182018070300011301001", "7752501201407033233368018"), (notification.Resource.RefundId, notification.Resource.OutRefundNo));
        Assert.Equal(999, notification.Resource.Amount!.PayerRefund);
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public async Task Favor_coupon_use_notification_decrypts_into_a_favor_coupon(SignatureScheme scheme)
    {
        var sandbox = new WeChatPaySandbox();
        var merchant = sandbox.CreateMerchant(scheme);
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/")), sandbox.CreateHandler());
        var sent = sandbox.CreateNotification(merchant, "COUPON.USE", "用券成功", Encoding.UTF8.GetBytes(Samples.FavorCouponUse), "coupon");

        var notification = await client.ParseNotificationAsync(sent.GetHeader, sent.Body, WeChatPayApisJsonContext.Default.FavorCoupon);

        var coupon = notification.Resource;
        Assert.Equal("COUPON.USE", notification.EventType);
        Assert.Equal(("9865888", "98674556", FavorCouponStatus.Used), (coupon.StockId, coupon.CouponId, coupon.Status));
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 13, 29, 35, 120, TimeSpan.FromHours(8)), coupon.CreateTime);
        Assert.Equal((100L, 10L), (coupon.DiscountTo!.CutToPrice, coupon.DiscountTo.MaxPrice));
        Assert.Equal(100, coupon.SingleitemDiscountOff!.SinglePriceMax);
        Assert.Equal(("9856081", "4200752501201407033233368018"), (coupon.ConsumeInformation!.ConsumeMchid, coupon.ConsumeInformation.TransactionId));
        var goods = Assert.Single(coupon.ConsumeInformation.GoodsDetail!);
        Assert.Equal(("a_goods1", 7L, 1L, 4L), (goods.GoodsId, goods.Quantity, goods.Price, goods.DiscountAmount));
    }

    [Fact]
    public async Task Tampered_transaction_notification_yields_no_resource()
    {
        var sandbox = new WeChatPaySandbox();
        var merchant = sandbox.CreateMerchant();
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/")), sandbox.CreateHandler());
        var sent = sandbox.CreateNotification(merchant, "TRANSACTION.SUCCESS", "支付成功", Encoding.UTF8.GetBytes(Samples.Transaction), "transaction");
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(sent.Body).Replace("支付成功", "支付失败"));

        await Assert.ThrowsAsync<WeChatPayVerificationException>(async () =>
            await client.ParseNotificationAsync(sent.GetHeader, body, WeChatPayApisJsonContext.Default.Transaction));
    }
}
