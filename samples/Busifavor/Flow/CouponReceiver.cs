namespace Busifavor.Flow;

/// <summary>
/// How a user receives a coupon of a stock, answering its <c>coupon_code</c> and the verified response that told it.
/// No WeChat Pay API sends a 商家券: the user takes it in the merchant's mini program or H5 page (发券插件); against a
/// sandbox, its control route plays that.
/// </summary>
public delegate Task<(string CouponCode, WeChatPay.WeChatPayResponse Response)> CouponReceiver(string stockId, string appId, string openId, string outRequestNo, CancellationToken cancellationToken);
