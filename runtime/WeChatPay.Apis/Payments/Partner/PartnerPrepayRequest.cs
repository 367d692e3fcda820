namespace WeChatPay.Apis.Payments.Partner;

/// <summary>
/// A service provider's order for a sub-merchant (服务商 JSAPI/APP/H5/Native 下单). JSAPI needs <see cref="Payer"/>
/// (<c>sp_openid</c> or <c>sub_openid</c>); H5 needs <see cref="SceneInfo"/> with its H5 scene.
/// </summary>
public sealed class PartnerPrepayRequest
{
    /// <summary>The service provider's app ID (<c>sp_appid</c>).</summary>
    public required string SpAppid { get; set; }

    /// <summary>The service provider's merchant ID (<c>sp_mchid</c>).</summary>
    public required string SpMchid { get; set; }

    /// <summary>The sub-merchant's app ID (<c>sub_appid</c>).</summary>
    public string? SubAppid { get; set; }

    /// <summary>The sub-merchant's merchant ID (<c>sub_mchid</c>).</summary>
    public required string SubMchid { get; set; }

    /// <summary>What is sold, at most 127 characters (<c>description</c>).</summary>
    public required string Description { get; set; }

    /// <summary>The merchant's order number, unique per sub-merchant (<c>out_trade_no</c>).</summary>
    public required string OutTradeNo { get; set; }

    /// <summary>When the order stops being payable (<c>time_expire</c>).</summary>
    public DateTimeOffset? TimeExpire { get; set; }

    /// <summary>Merchant data returned as is (<c>attach</c>).</summary>
    public string? Attach { get; set; }

    /// <summary>The https URL that receives the payment notification (<c>notify_url</c>).</summary>
    public required string NotifyUrl { get; set; }

    /// <summary>The order's discount tag (<c>goods_tag</c>).</summary>
    public string? GoodsTag { get; set; }

    /// <summary>Payment methods the payer may not use (<c>limit_pay</c>).</summary>
    public List<string>? LimitPay { get; set; }

    /// <summary>Whether an electronic invoice may be issued (<c>support_fapiao</c>).</summary>
    public bool? SupportFapiao { get; set; }

    /// <summary>The amount (<c>amount</c>).</summary>
    public required OrderAmount Amount { get; set; }

    /// <summary>The payer; required for JSAPI (<c>payer</c>).</summary>
    public PartnerPayer? Payer { get; set; }

    /// <summary>Goods details (<c>detail</c>).</summary>
    public OrderDetail? Detail { get; set; }

    /// <summary>The scene; required for H5 (<c>scene_info</c>).</summary>
    public PaymentSceneInfo? SceneInfo { get; set; }

    /// <summary>Settlement (<c>settle_info</c>).</summary>
    public SettleInfo? SettleInfo { get; set; }
}

/// <summary>A service provider's JSAPI payer (<c>payer</c>): one of the two openids.</summary>
public sealed class PartnerPayer
{
    /// <summary>The openid under <c>sp_appid</c> (<c>sp_openid</c>).</summary>
    public string? SpOpenid { get; set; }

    /// <summary>The openid under <c>sub_appid</c> (<c>sub_openid</c>).</summary>
    public string? SubOpenid { get; set; }
}
