namespace WeChatPay.Apis.Payments;

/// <summary>A discount applied to a transaction (<c>promotion_detail[]</c>); amounts in fen.</summary>
public sealed class PromotionDetail
{
    /// <summary>The coupon ID (<c>coupon_id</c>).</summary>
    public string CouponId { get; set; } = "";

    /// <summary>The coupon's name (<c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary><c>GLOBAL</c> (whole order) or <c>SINGLE</c> (single item) (<c>scope</c>).</summary>
    public string? Scope { get; set; }

    /// <summary><c>CASH</c> (funded) or <c>NOCASH</c> (unfunded) (<c>type</c>).</summary>
    public string? Type { get; set; }

    /// <summary>The discount, in fen (<c>amount</c>).</summary>
    public long Amount { get; set; }

    /// <summary>The stock the coupon came from (<c>stock_id</c>).</summary>
    public string? StockId { get; set; }

    /// <summary>WeChat Pay's share, in fen (<c>wechatpay_contribute</c>).</summary>
    public long? WechatpayContribute { get; set; }

    /// <summary>The merchant's share, in fen (<c>merchant_contribute</c>).</summary>
    public long? MerchantContribute { get; set; }

    /// <summary>Other contributors' share, in fen (<c>other_contribute</c>).</summary>
    public long? OtherContribute { get; set; }

    /// <summary>The currency (<c>currency</c>).</summary>
    public string? Currency { get; set; }

    /// <summary>The goods the discount applied to (<c>goods_detail</c>).</summary>
    public List<PromotionGoodsDetail>? GoodsDetail { get; set; }
}

/// <summary>Goods a discount applied to (<c>promotion_detail[].goods_detail[]</c>).</summary>
public sealed class PromotionGoodsDetail
{
    /// <summary>The goods ID (<c>goods_id</c>).</summary>
    public string GoodsId { get; set; } = "";

    /// <summary>How many (<c>quantity</c>).</summary>
    public int Quantity { get; set; }

    /// <summary>The unit price, in fen (<c>unit_price</c>).</summary>
    public long UnitPrice { get; set; }

    /// <summary>The discount on these goods, in fen (<c>discount_amount</c>).</summary>
    public long DiscountAmount { get; set; }

    /// <summary>The merchant's remark (<c>goods_remark</c>).</summary>
    public string? GoodsRemark { get; set; }
}
