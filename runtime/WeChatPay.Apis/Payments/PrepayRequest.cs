namespace WeChatPay.Apis.Payments;

/// <summary>
/// A direct merchant's order (JSAPI/mini-program, APP, H5 and Native 下单). JSAPI needs <see cref="Payer"/>; H5 needs
/// <see cref="SceneInfo"/> with its <see cref="PaymentSceneInfo.H5Info"/>.
/// </summary>
public sealed class PrepayRequest
{
    /// <summary>The app ID bound to the merchant (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>The merchant ID (<c>mchid</c>).</summary>
    public required string Mchid { get; set; }

    /// <summary>What is sold, at most 127 characters (<c>description</c>).</summary>
    public required string Description { get; set; }

    /// <summary>The merchant's order number, 6–32 of <c>0-9 a-z A-Z _ - | *</c>, unique per merchant (<c>out_trade_no</c>).</summary>
    public required string OutTradeNo { get; set; }

    /// <summary>When the order stops being payable (<c>time_expire</c>).</summary>
    public DateTimeOffset? TimeExpire { get; set; }

    /// <summary>Merchant data returned as is in queries and notifications, at most 128 characters (<c>attach</c>).</summary>
    public string? Attach { get; set; }

    /// <summary>The https URL that receives the payment notification (<c>notify_url</c>).</summary>
    public required string NotifyUrl { get; set; }

    /// <summary>The order's discount tag (<c>goods_tag</c>).</summary>
    public string? GoodsTag { get; set; }

    /// <summary>Payment methods the payer may not use, for example <c>no_credit</c> (<c>limit_pay</c>).</summary>
    public List<string>? LimitPay { get; set; }

    /// <summary>Whether an electronic invoice may be issued (<c>support_fapiao</c>).</summary>
    public bool? SupportFapiao { get; set; }

    /// <summary>The amount (<c>amount</c>).</summary>
    public required OrderAmount Amount { get; set; }

    /// <summary>The payer; required for JSAPI (<c>payer</c>).</summary>
    public Payer? Payer { get; set; }

    /// <summary>Goods details (<c>detail</c>).</summary>
    public OrderDetail? Detail { get; set; }

    /// <summary>The scene; required for H5 (<c>scene_info</c>).</summary>
    public PaymentSceneInfo? SceneInfo { get; set; }

    /// <summary>Settlement (<c>settle_info</c>).</summary>
    public SettleInfo? SettleInfo { get; set; }
}

/// <summary>The JSAPI payer (<c>payer</c>).</summary>
public sealed class Payer
{
    /// <summary>The payer's openid under <see cref="PrepayRequest.Appid"/> (<c>openid</c>).</summary>
    public required string Openid { get; set; }
}
