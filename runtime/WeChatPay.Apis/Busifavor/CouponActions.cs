namespace WeChatPay.Apis.Busifavor;

/// <summary>发放消费卡: issues a consumption card (<c>card_id</c> in the path) to a user.</summary>
public sealed class SendConsumptionCardRequest
{
    /// <summary>The card's appid, bound to the merchant; at most 18 characters (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>The user, an openid of that appid; at most 28 characters (<c>openid</c>).</summary>
    public required string Openid { get; set; }

    /// <summary>The merchant's request number, at most 32 characters; with <see cref="SendTime"/> it makes the send idempotent (<c>out_request_no</c>).</summary>
    public required string OutRequestNo { get; set; }

    /// <summary>When the merchant sends it, no more than 24 hours ago (<c>send_time</c>).</summary>
    public required DateTimeOffset SendTime { get; set; }
}

/// <summary>The card the user received.</summary>
public sealed class SentConsumptionCard
{
    /// <summary>The card's code, at most 15 characters (<c>card_code</c>).</summary>
    public string CardCode { get; set; } = "";
}

/// <summary>核销用户券.</summary>
public sealed class UseCouponRequest
{
    /// <summary>The coupon (<c>coupon_code</c>).</summary>
    public required string CouponCode { get; set; }

    /// <summary>The stock; required for <c>MERCHANT_API</c> and <c>MERCHANT_UPLOAD</c> stocks (<c>stock_id</c>).</summary>
    public string? StockId { get; set; }

    /// <summary>The appid (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>When it was used (<c>use_time</c>).</summary>
    public required DateTimeOffset UseTime { get; set; }

    /// <summary>The merchant's request number (<c>use_request_no</c>).</summary>
    public required string UseRequestNo { get; set; }

    /// <summary>The user (<c>openid</c>).</summary>
    public string? Openid { get; set; }
}

/// <summary>The answer of 核销用户券.</summary>
public sealed class UsedCoupon
{
    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>The user (<c>openid</c>).</summary>
    public string Openid { get; set; } = "";

    /// <summary>When WeChat Pay recorded the use (<c>wechatpay_use_time</c>).</summary>
    public DateTimeOffset WechatpayUseTime { get; set; }
}

/// <summary>申请退券: gives a used coupon back to the user.</summary>
public sealed class ReturnCouponRequest
{
    /// <summary>The coupon (<c>coupon_code</c>).</summary>
    public required string CouponCode { get; set; }

    /// <summary>The stock (<c>stock_id</c>).</summary>
    public required string StockId { get; set; }

    /// <summary>The merchant's request number (<c>return_request_no</c>).</summary>
    public required string ReturnRequestNo { get; set; }
}

/// <summary>The answer of 申请退券.</summary>
public sealed class ReturnedCoupon
{
    /// <summary>When WeChat Pay returned it (<c>wechatpay_return_time</c>).</summary>
    public DateTimeOffset WechatpayReturnTime { get; set; }
}

/// <summary>使券失效: makes an unused coupon unusable.</summary>
public sealed class DeactivateCouponRequest
{
    /// <summary>The coupon (<c>coupon_code</c>).</summary>
    public required string CouponCode { get; set; }

    /// <summary>The stock (<c>stock_id</c>).</summary>
    public required string StockId { get; set; }

    /// <summary>The merchant's request number (<c>deactivate_request_no</c>).</summary>
    public required string DeactivateRequestNo { get; set; }

    /// <summary>Why, at most 150 characters (<c>deactivate_reason</c>).</summary>
    public string? DeactivateReason { get; set; }
}

/// <summary>The answer of 使券失效.</summary>
public sealed class DeactivatedCoupon
{
    /// <summary>When WeChat Pay deactivated it (<c>wechatpay_deactivate_time</c>).</summary>
    public DateTimeOffset WechatpayDeactivateTime { get; set; }
}

/// <summary>关联订单信息 and 取消关联订单信息: a used coupon and a payment's <c>out_trade_no</c>.</summary>
public sealed class CouponTradeRequest
{
    /// <summary>The stock (<c>stock_id</c>).</summary>
    public required string StockId { get; set; }

    /// <summary>The coupon (<c>coupon_code</c>).</summary>
    public required string CouponCode { get; set; }

    /// <summary>The merchant's order number (<c>out_trade_no</c>).</summary>
    public required string OutTradeNo { get; set; }

    /// <summary>The merchant's request number (<c>out_request_no</c>).</summary>
    public required string OutRequestNo { get; set; }
}

/// <summary>The answer of 关联订单信息.</summary>
public sealed class AssociatedTrade
{
    /// <summary>When WeChat Pay associated them (<c>wechatpay_associate_time</c>).</summary>
    public DateTimeOffset WechatpayAssociateTime { get; set; }
}

/// <summary>The answer of 取消关联订单信息.</summary>
public sealed class DisassociatedTrade
{
    /// <summary>When WeChat Pay disassociated them (<c>wechatpay_disassociate_time</c>).</summary>
    public DateTimeOffset WechatpayDisassociateTime { get; set; }
}
