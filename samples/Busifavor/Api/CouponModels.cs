namespace Busifavor.Api;

// 发放消费卡 (send a coupon to a user), 核销用户券 (use it) and 查询用户单张券详情 (query it).

/// <summary>Request of <c>POST v3/marketing/busifavor/coupons/{card_id}/send</c>; the card is the stock.</summary>
public sealed class SendCouponRequest
{
    public required string Appid { get; init; }
    public required string Openid { get; init; }
    public required string OutRequestNo { get; init; }
    public required DateTimeOffset SendTime { get; init; }
}

/// <summary>The code the user received: for a MERCHANT_UPLOAD stock, one of the pre-stored codes.</summary>
public sealed class SentCoupon
{
    public string CardCode { get; set; } = "";
}

/// <summary>Request of <c>POST v3/marketing/busifavor/coupons/use</c>.</summary>
public sealed class UseCouponRequest
{
    public required string CouponCode { get; init; }
    public string? StockId { get; init; }
    public required string Appid { get; init; }
    public required DateTimeOffset UseTime { get; init; }
    public required string UseRequestNo { get; init; }
    public string? Openid { get; init; }
}

public sealed class UsedCoupon
{
    public string StockId { get; set; } = "";
    public string Openid { get; set; } = "";
    public DateTimeOffset WechatpayUseTime { get; set; }
}

/// <summary>A user's coupon's state. WeChat Pay spells "sent" as <c>SENDED</c>.</summary>
public enum CouponState
{
    Sended,
    Used,
    Expired,
    Deleted,
    Deactivated,
}

/// <summary>Response of <c>GET v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}</c>.</summary>
public sealed class UserCoupon
{
    public string CouponCode { get; set; } = "";
    public string StockId { get; set; } = "";
    public string? StockName { get; set; }
    public StockType StockType { get; set; }
    public CouponState CouponState { get; set; }
    public string? BelongMerchant { get; set; }
    public DateTimeOffset? AvailableStartTime { get; set; }
    public DateTimeOffset? ExpireTime { get; set; }
    public DateTimeOffset? ReceiveTime { get; set; }
    public string? SendRequestNo { get; set; }
    public string? UseRequestNo { get; set; }
    public DateTimeOffset? UseTime { get; set; }
}
