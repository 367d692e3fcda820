namespace WeChatPay.Apis.Favor;

/// <summary>
/// A user's 代金券: the answer of 查询代金券详情, each entry of 根据商户号查用户的券, and the resource of the
/// 核销事件 notification (<c>COUPON.USE</c>): pass <c>WeChatPayApisJsonContext.Default.FavorCoupon</c> to
/// <c>client.ParseNotificationAsync</c>; a used coupon carries <see cref="ConsumeInformation"/>.
/// </summary>
public sealed class FavorCoupon
{
    /// <summary>The merchant that created the stock (<c>stock_creator_mchid</c>).</summary>
    public string StockCreatorMchid { get; set; } = "";

    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>The coupon (<c>coupon_id</c>).</summary>
    public string CouponId { get; set; } = "";

    /// <summary>The cut-to rule of a single-item coupon (<c>cut_to_message</c>).</summary>
    public FavorCutToMessage? CutToMessage { get; set; }

    /// <summary>The single-item limit, in the notification (<c>singleitem_discount_off</c>).</summary>
    public FavorSingleitemDiscountOff? SingleitemDiscountOff { get; set; }

    /// <summary>The cut-to rule, in the notification (<c>discount_to</c>).</summary>
    public FavorDiscountTo? DiscountTo { get; set; }

    /// <summary>The name (<c>coupon_name</c>).</summary>
    public string CouponName { get; set; } = "";

    /// <summary>The state (<c>status</c>).</summary>
    public FavorCouponStatus Status { get; set; }

    /// <summary>The description (<c>description</c>).</summary>
    public string? Description { get; set; }

    /// <summary>When the user received it (<c>create_time</c>).</summary>
    public DateTimeOffset CreateTime { get; set; }

    /// <summary>The kind (<c>coupon_type</c>).</summary>
    public FavorCouponType CouponType { get; set; }

    /// <summary>Whether the stock is 免充值 (<c>no_cash</c>).</summary>
    public bool? NoCash { get; set; }

    /// <summary>When it becomes usable (<c>available_begin_time</c>).</summary>
    public DateTimeOffset AvailableBeginTime { get; set; }

    /// <summary>When it expires (<c>available_end_time</c>).</summary>
    public DateTimeOffset AvailableEndTime { get; set; }

    /// <summary>Whether it is a single-item (单品) coupon (<c>singleitem</c>).</summary>
    public bool? Singleitem { get; set; }

    /// <summary>The amount and threshold of a 满减 coupon (<c>normal_coupon_information</c>).</summary>
    public FavorFixedNormalCoupon? NormalCouponInformation { get; set; }

    /// <summary>The use, once <see cref="FavorCouponStatus.Used"/> (<c>consume_information</c>).</summary>
    public FavorConsumeInformation? ConsumeInformation { get; set; }

    /// <summary>The finer business kind; <c>MULTIUSE</c> (消费金) only (<c>business_type</c>).</summary>
    public string? BusinessType { get; set; }
}

/// <summary>How a coupon was used (<c>consume_information</c>).</summary>
public sealed class FavorConsumeInformation
{
    /// <summary>When (<c>consume_time</c>).</summary>
    public DateTimeOffset ConsumeTime { get; set; }

    /// <summary>The merchant where (<c>consume_mchid</c>).</summary>
    public string ConsumeMchid { get; set; } = "";

    /// <summary>The payment (<c>transaction_id</c>).</summary>
    public string TransactionId { get; set; } = "";

    /// <summary>The goods the discount went to, for single-item coupons (<c>goods_detail</c>).</summary>
    public List<FavorGoodsDetail>? GoodsDetail { get; set; }

    /// <summary>The amount used, in fen, for <c>MULTIUSE</c> coupons (<c>consume_amount</c>).</summary>
    public long? ConsumeAmount { get; set; }
}

/// <summary>One line of goods a coupon discounted (<c>goods_detail</c>).</summary>
public sealed class FavorGoodsDetail
{
    /// <summary>The merchant's goods code (<c>goods_id</c>).</summary>
    public string GoodsId { get; set; } = "";

    /// <summary>How many (<c>quantity</c>).</summary>
    public long Quantity { get; set; }

    /// <summary>The unit price, in fen (<c>price</c>).</summary>
    public long Price { get; set; }

    /// <summary>The discount on the line, in fen (<c>discount_amount</c>).</summary>
    public long DiscountAmount { get; set; }
}

/// <summary>The single-item limit (<c>singleitem_discount_off</c>).</summary>
public sealed class FavorSingleitemDiscountOff
{
    /// <summary>The highest item price it applies to, in fen (<c>single_price_max</c>).</summary>
    public long SinglePriceMax { get; set; }
}

/// <summary>The cut-to rule (<c>discount_to</c>).</summary>
public sealed class FavorDiscountTo
{
    /// <summary>The price the item is cut to, in fen (<c>cut_to_price</c>).</summary>
    public long CutToPrice { get; set; }

    /// <summary>The highest item price it applies to, in fen (<c>max_price</c>).</summary>
    public long MaxPrice { get; set; }
}
