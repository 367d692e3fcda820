namespace WeChatPay.Apis.Favor;

/// <summary>发放代金券: sends one coupon of a running stock to the user named in the path.</summary>
public sealed class SendFavorCouponRequest
{
    /// <summary>The stock, at most 20 characters (<c>stock_id</c>).</summary>
    public required string StockId { get; set; }

    /// <summary>
    /// The sender's request number, at most 128 characters: the same number answers the same coupon instead of
    /// sending another (<c>out_request_no</c>).
    /// </summary>
    public required string OutRequestNo { get; set; }

    /// <summary>The appid the user's openid belongs to, bound to the sender (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>The merchant that created the stock (<c>stock_creator_mchid</c>).</summary>
    public required string StockCreatorMchid { get; set; }

    /// <summary>The coupon's amount in fen, for a stock that lets the sender choose it (<c>coupon_value</c>).</summary>
    public long? CouponValue { get; set; }

    /// <summary>Its threshold in fen, with <see cref="CouponValue"/> (<c>coupon_minimum</c>).</summary>
    public long? CouponMinimum { get; set; }
}

/// <summary>The answer of 发放代金券.</summary>
public sealed class SentFavorCoupon
{
    /// <summary>The coupon sent (<c>coupon_id</c>).</summary>
    public string CouponId { get; set; } = "";
}
