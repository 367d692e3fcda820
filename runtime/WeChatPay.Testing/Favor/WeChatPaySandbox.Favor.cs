using System.Text.Json.Nodes;

namespace WeChatPay.Testing;

// The 代金券 life's in-process face: the payer uses a coupon, the merchant refunds the order.
public sealed partial class WeChatPaySandbox
{
    /// <summary>
    /// Plays the payer, as <c>POST /sandbox/v1/v3/marketing/favor/users/{openid}/coupons/{coupon_id}/use</c> does: uses
    /// a SENDED 代金券 that <paramref name="merchant"/> sent or created in a payment of <paramref name="orderTotal"/> fen
    /// (default: the threshold), and returns the coupon as its query shows it. COUPON.USE goes to the stock creator's
    /// callback (设置消息通知地址) in the background, signed and encrypted, retried like every notification.
    /// </summary>
    /// <exception cref="InvalidOperationException">The gateway would refuse it (unknown, used, expired or not yet usable coupon); the message starts with WeChat Pay's code.</exception>
    public JsonObject UseFavorCoupon(SandboxMerchant merchant, string openId, string couponId, string? transactionId = null, long? orderTotal = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentException.ThrowIfNullOrEmpty(couponId);
        return Run(() => _favor.Use(merchant, openId, couponId, transactionId, orderTotal));
    }

    /// <summary>
    /// Refunds the payment a 代金券 was used in, as <c>POST /sandbox/v1/v3/marketing/favor/users/{openid}/coupons/{coupon_id}/refund</c>
    /// does: a row of the stock's refund flow, and the coupon is SENDED again. Returns the coupon.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such coupon, or it is not used; the message starts with WeChat Pay's code.</exception>
    public JsonObject RefundFavorCoupon(SandboxMerchant merchant, string openId, string couponId)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentException.ThrowIfNullOrEmpty(couponId);
        return Run(() => _favor.Refund(merchant, openId, couponId));
    }
}
