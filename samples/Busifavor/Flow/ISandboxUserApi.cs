using WeChatPay;

namespace Busifavor.Flow;

/// <summary>
/// The sandbox's 商家券 user (not part of WeChat Pay, hence <c>sandbox/v1</c>): a signed request that takes a coupon
/// of a stock as the mini program's 发券插件 would. WeChat Pay itself answers 404.
/// </summary>
public partial interface ISandboxUserApi
{
    /// <summary>The user takes a coupon; the same <c>out_request_no</c> answers the same coupon.</summary>
    [Post("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send")]
    Task<WeChatPayResponse<ReceivedCoupon>> ReceiveCouponAsync(string stockId, ReceiveCouponRequest json, CancellationToken cancellationToken = default);
}

/// <summary>Who takes the coupon, and the request number that makes it idempotent.</summary>
public sealed record ReceiveCouponRequest(string Appid, string Openid, string OutRequestNo);

/// <summary>The coupon the user took.</summary>
public sealed record ReceivedCoupon(string StockId, string OutRequestNo, string CouponCode);
