namespace WeChatPay.Apis.Busifavor;

/// <summary>The answer of 创建商家券.</summary>
public sealed class CreatedStock
{
    /// <summary>WeChat Pay's stock ID (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>When it was created (<c>create_time</c>).</summary>
    public DateTimeOffset CreateTime { get; set; }
}

/// <summary>查询商家券详情: a stock's definition, state and counters.</summary>
public sealed class Stock
{
    /// <summary>The stock's ID (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>The name (<c>stock_name</c>).</summary>
    public string StockName { get; set; } = "";

    /// <summary>The merchant it belongs to (<c>belong_merchant</c>).</summary>
    public string BelongMerchant { get; set; } = "";

    /// <summary>The note (<c>comment</c>).</summary>
    public string? Comment { get; set; }

    /// <summary>What it applies to (<c>goods_name</c>).</summary>
    public string GoodsName { get; set; } = "";

    /// <summary>The kind (<c>stock_type</c>).</summary>
    public StockType StockType { get; set; }

    /// <summary>When and how its coupons may be used (<c>coupon_use_rule</c>).</summary>
    public CouponUseRule? CouponUseRule { get; set; }

    /// <summary>How many may be sent (<c>stock_send_rule</c>).</summary>
    public StockSendRule? StockSendRule { get; set; }

    /// <summary>The entrance (<c>custom_entrance</c>).</summary>
    public CustomEntrance? CustomEntrance { get; set; }

    /// <summary>The look (<c>display_pattern_info</c>).</summary>
    public DisplayPatternInfo? DisplayPatternInfo { get; set; }

    /// <summary>The state (<c>stock_state</c>).</summary>
    public StockState StockState { get; set; }

    /// <summary>Where the codes come from (<c>coupon_code_mode</c>).</summary>
    public CouponCodeMode CouponCodeMode { get; set; }

    /// <summary>The pre-stored codes' counts, for <c>MERCHANT_UPLOAD</c> stocks (<c>coupon_code_count</c>).</summary>
    public CouponCodeCount? CouponCodeCount { get; set; }

    /// <summary>Where notifications go (<c>notify_config</c>).</summary>
    public NotifyConfig? NotifyConfig { get; set; }

    /// <summary>What has been sent (<c>send_count_information</c>).</summary>
    public SendCountInformation? SendCountInformation { get; set; }

    /// <summary>Whether the stock is subsidised (<c>subsidy</c>).</summary>
    public bool? Subsidy { get; set; }
}

/// <summary>A stock's pre-stored codes (<c>coupon_code_count</c>).</summary>
public sealed class CouponCodeCount
{
    /// <summary>Every code uploaded (<c>total_count</c>).</summary>
    public long TotalCount { get; set; }

    /// <summary>The codes not yet handed out (<c>available_count</c>).</summary>
    public long AvailableCount { get; set; }
}

/// <summary>What a stock has sent (<c>send_count_information</c>).</summary>
public sealed class SendCountInformation
{
    /// <summary>Coupons sent in all (<c>total_send_num</c>).</summary>
    public long? TotalSendNum { get; set; }

    /// <summary>Their value in fen (<c>total_send_amount</c>).</summary>
    public long? TotalSendAmount { get; set; }

    /// <summary>Coupons sent today (<c>today_send_num</c>).</summary>
    public long? TodaySendNum { get; set; }

    /// <summary>Their value in fen (<c>today_send_amount</c>).</summary>
    public long? TodaySendAmount { get; set; }
}
