namespace WeChatPay.Apis.Favor;

/// <summary>The answer of 创建代金券批次. The stock starts <see cref="FavorStockStatus.Unactivated"/>; start it to send.</summary>
public sealed class CreatedFavorStock
{
    /// <summary>WeChat Pay's stock ID (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>When it was created (<c>create_time</c>).</summary>
    public DateTimeOffset CreateTime { get; set; }
}

/// <summary>查询批次详情 (and each entry of 条件查询批次列表): a 代金券 stock.</summary>
public sealed class FavorStock
{
    /// <summary>The stock's ID (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>The merchant that created it (<c>stock_creator_mchid</c>).</summary>
    public string StockCreatorMchid { get; set; } = "";

    /// <summary>The name (<c>stock_name</c>).</summary>
    public string StockName { get; set; } = "";

    /// <summary>The state (<c>status</c>).</summary>
    public FavorStockStatus Status { get; set; }

    /// <summary>When it was created (<c>create_time</c>).</summary>
    public DateTimeOffset CreateTime { get; set; }

    /// <summary>The description (<c>description</c>).</summary>
    public string? Description { get; set; }

    /// <summary>The budget and coupon rule of a normal stock (<c>stock_use_rule</c>).</summary>
    public FavorStockUseRule? StockUseRule { get; set; }

    /// <summary>The start of the validity (<c>available_begin_time</c>).</summary>
    public DateTimeOffset AvailableBeginTime { get; set; }

    /// <summary>The end of the validity (<c>available_end_time</c>).</summary>
    public DateTimeOffset AvailableEndTime { get; set; }

    /// <summary>Coupons sent so far (<c>distributed_coupons</c>).</summary>
    public long DistributedCoupons { get; set; }

    /// <summary>Whether it is 免充值 (<c>no_cash</c>).</summary>
    public bool NoCash { get; set; }

    /// <summary>When it was started (<c>start_time</c>).</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When it was stopped for good (<c>stop_time</c>).</summary>
    public DateTimeOffset? StopTime { get; set; }

    /// <summary>The cut-to rule of a single-item stock (<c>cut_to_message</c>).</summary>
    public FavorCutToMessage? CutToMessage { get; set; }

    /// <summary>Whether it is a single-item (单品) stock (<c>singleitem</c>).</summary>
    public bool Singleitem { get; set; }

    /// <summary>The kind (<c>stock_type</c>).</summary>
    public FavorStockType StockType { get; set; }

    /// <summary>The WeChat card-pack ID, if the stock is in the card pack (<c>card_id</c>).</summary>
    public string? CardId { get; set; }
}

/// <summary>A stock's budget and coupon rule, as the query shows it (<c>stock_use_rule</c>).</summary>
public sealed class FavorStockUseRule
{
    /// <summary>The most coupons in all (<c>max_coupons</c>).</summary>
    public long MaxCoupons { get; set; }

    /// <summary>The total budget, in fen (<c>max_amount</c>).</summary>
    public long MaxAmount { get; set; }

    /// <summary>The most spent a day, in fen (<c>max_amount_by_day</c>).</summary>
    public long? MaxAmountByDay { get; set; }

    /// <summary>The amount and threshold of a normal stock (<c>fixed_normal_coupon</c>).</summary>
    public FavorFixedNormalCoupon? FixedNormalCoupon { get; set; }

    /// <summary>The most coupons one user may receive (<c>max_coupons_per_user</c>).</summary>
    public long MaxCouponsPerUser { get; set; }

    /// <summary>The coupon's kind (<c>coupon_type</c>).</summary>
    public FavorCouponType? CouponType { get; set; }

    /// <summary>The order tags (<c>goods_tag</c>).</summary>
    public List<string>? GoodsTag { get; set; }

    /// <summary>The ways of paying it is limited to (<c>trade_type</c>).</summary>
    public List<FavorTradeType>? TradeType { get; set; }

    /// <summary>Whether it combines with other coupons (<c>combine_use</c>).</summary>
    public bool? CombineUse { get; set; }
}

/// <summary>The rule of a cut-to (减至) single-item coupon (<c>cut_to_message</c>).</summary>
public sealed class FavorCutToMessage
{
    /// <summary>The highest item price it applies to, in fen (<c>single_price_max</c>).</summary>
    public long SinglePriceMax { get; set; }

    /// <summary>The price the item is cut to, in fen (<c>cut_to_price</c>).</summary>
    public long CutToPrice { get; set; }
}
