namespace WeChatPay.Apis.Refunds;

/// <summary>A refund (退款申请). Name the order by <see cref="TransactionId"/> or <see cref="OutTradeNo"/>.</summary>
public sealed class RefundRequest
{
    /// <summary>The sub-merchant, for a service provider (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>WeChat Pay's order number (<c>transaction_id</c>).</summary>
    public string? TransactionId { get; set; }

    /// <summary>The merchant's order number (<c>out_trade_no</c>).</summary>
    public string? OutTradeNo { get; set; }

    /// <summary>The merchant's refund number, unique per merchant; resending it does not refund twice (<c>out_refund_no</c>).</summary>
    public required string OutRefundNo { get; set; }

    /// <summary>Why, shown to the payer (<c>reason</c>).</summary>
    public string? Reason { get; set; }

    /// <summary>The https URL that receives the refund notification (<c>notify_url</c>).</summary>
    public string? NotifyUrl { get; set; }

    /// <summary>The account to refund from: only <c>AVAILABLE</c> may be set (<c>funds_account</c>).</summary>
    public FundsAccount? FundsAccount { get; set; }

    /// <summary>The amounts (<c>amount</c>).</summary>
    public required RefundRequestAmount Amount { get; set; }

    /// <summary>The goods refunded, for single-item discounts (<c>goods_detail</c>).</summary>
    public List<RefundGoodsDetail>? GoodsDetail { get; set; }
}

/// <summary>The amounts of a refund request (<c>amount</c>), in fen.</summary>
public sealed class RefundRequestAmount
{
    /// <summary>The refund, in fen; at most what is left of the order (<c>refund</c>).</summary>
    public required long Refund { get; set; }

    /// <summary>The accounts to refund from, and how much from each (<c>from</c>).</summary>
    public List<RefundFundsFrom>? From { get; set; }

    /// <summary>The order's total, in fen (<c>total</c>).</summary>
    public required long Total { get; set; }

    /// <summary>The currency, <c>CNY</c> (<c>currency</c>).</summary>
    public required string Currency { get; set; }
}

/// <summary>An account a refund is taken from (<c>from[]</c>).</summary>
public sealed class RefundFundsFrom
{
    /// <summary><c>AVAILABLE</c> or <c>UNAVAILABLE</c> (<c>account</c>).</summary>
    public required FundsAccount Account { get; set; }

    /// <summary>How much from it, in fen (<c>amount</c>).</summary>
    public required long Amount { get; set; }
}

/// <summary>Goods refunded (<c>goods_detail[]</c>).</summary>
public sealed class RefundGoodsDetail
{
    /// <summary>The merchant's goods ID (<c>merchant_goods_id</c>).</summary>
    public required string MerchantGoodsId { get; set; }

    /// <summary>WeChat Pay's goods ID (<c>wechatpay_goods_id</c>).</summary>
    public string? WechatpayGoodsId { get; set; }

    /// <summary>The goods' name (<c>goods_name</c>).</summary>
    public string? GoodsName { get; set; }

    /// <summary>The unit price, in fen (<c>unit_price</c>).</summary>
    public required long UnitPrice { get; set; }

    /// <summary>The amount refunded for these goods, in fen (<c>refund_amount</c>).</summary>
    public required long RefundAmount { get; set; }

    /// <summary>How many are refunded (<c>refund_quantity</c>).</summary>
    public required int RefundQuantity { get; set; }
}
