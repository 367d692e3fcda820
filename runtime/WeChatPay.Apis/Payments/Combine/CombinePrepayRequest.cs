namespace WeChatPay.Apis.Payments.Combine;

/// <summary>A combined order (合单下单): up to 50 sub-orders, of one or more merchants, paid at once.</summary>
public sealed class CombinePrepayRequest
{
    /// <summary>The combining merchant's app ID (<c>combine_appid</c>).</summary>
    public required string CombineAppid { get; set; }

    /// <summary>The combining merchant's ID (<c>combine_mchid</c>).</summary>
    public required string CombineMchid { get; set; }

    /// <summary>The combined order number (<c>combine_out_trade_no</c>).</summary>
    public required string CombineOutTradeNo { get; set; }

    /// <summary>The scene (<c>scene_info</c>); H5 needs its H5 scene.</summary>
    public PaymentSceneInfo? SceneInfo { get; set; }

    /// <summary>The sub-orders (<c>sub_orders</c>).</summary>
    public required List<CombineSubOrder> SubOrders { get; set; }

    /// <summary>The payer; required for JSAPI (<c>combine_payer_info</c>).</summary>
    public CombinePayerInfo? CombinePayerInfo { get; set; }

    /// <summary>When the order was made (<c>time_start</c>).</summary>
    public DateTimeOffset? TimeStart { get; set; }

    /// <summary>When the order stops being payable (<c>time_expire</c>).</summary>
    public DateTimeOffset? TimeExpire { get; set; }

    /// <summary>The https URL that receives the payment notification (<c>notify_url</c>).</summary>
    public required string NotifyUrl { get; set; }

    /// <summary>Payment methods the payer may not use (<c>limit_pay</c>).</summary>
    public List<string>? LimitPay { get; set; }
}

/// <summary>One sub-order of a combined order (<c>sub_orders[]</c>).</summary>
public sealed class CombineSubOrder
{
    /// <summary>The merchant ID of the sub-order (<c>mchid</c>).</summary>
    public required string Mchid { get; set; }

    /// <summary>Merchant data returned as is (<c>attach</c>).</summary>
    public required string Attach { get; set; }

    /// <summary>The amount (<c>amount</c>).</summary>
    public required CombineOrderAmount Amount { get; set; }

    /// <summary>The sub-order number (<c>out_trade_no</c>).</summary>
    public required string OutTradeNo { get; set; }

    /// <summary>The sub-merchant, for a service provider or platform (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The sub-merchant's app ID (<c>sub_appid</c>).</summary>
    public string? SubAppid { get; set; }

    /// <summary>What is sold (<c>description</c>).</summary>
    public required string Description { get; set; }

    /// <summary>The discount tag (<c>goods_tag</c>).</summary>
    public string? GoodsTag { get; set; }

    /// <summary>Settlement (<c>settle_info</c>).</summary>
    public CombineSettleInfo? SettleInfo { get; set; }
}

/// <summary>A sub-order's amount (<c>amount</c>), in fen.</summary>
public sealed class CombineOrderAmount
{
    /// <summary>The total, in fen (<c>total_amount</c>).</summary>
    public required long TotalAmount { get; set; }

    /// <summary>The currency, <c>CNY</c> (<c>currency</c>).</summary>
    public required string Currency { get; set; }
}

/// <summary>A sub-order's settlement (<c>settle_info</c>).</summary>
public sealed class CombineSettleInfo
{
    /// <summary>Whether the funds are to be shared (<c>profit_sharing</c>).</summary>
    public bool? ProfitSharing { get; set; }

    /// <summary>The subsidy, in fen (<c>subsidy_amount</c>).</summary>
    public long? SubsidyAmount { get; set; }
}

/// <summary>The payer of a combined order (<c>combine_payer_info</c>).</summary>
public sealed class CombinePayerInfo
{
    /// <summary>The payer's openid under <c>combine_appid</c> (<c>openid</c>).</summary>
    public string? Openid { get; set; }
}
