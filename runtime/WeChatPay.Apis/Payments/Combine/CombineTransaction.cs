namespace WeChatPay.Apis.Payments.Combine;

/// <summary>
/// A combined order as queried (合单查询订单), and the resource of its <c>TRANSACTION.SUCCESS</c> notification
/// (<c>WeChatPayApisJsonContext.Default.CombineTransaction</c>).
/// </summary>
public sealed class CombineTransaction
{
    /// <summary>The combining merchant's app ID (<c>combine_appid</c>).</summary>
    public string? CombineAppid { get; set; }

    /// <summary>The combining merchant's ID (<c>combine_mchid</c>).</summary>
    public string? CombineMchid { get; set; }

    /// <summary>The combined order number (<c>combine_out_trade_no</c>).</summary>
    public string CombineOutTradeNo { get; set; } = "";

    /// <summary>The scene (<c>scene_info</c>).</summary>
    public TransactionSceneInfo? SceneInfo { get; set; }

    /// <summary>The sub-orders (<c>sub_orders</c>).</summary>
    public List<CombineSubTransaction> SubOrders { get; set; } = [];

    /// <summary>The payer (<c>combine_payer_info</c>).</summary>
    public CombinePayerInfo? CombinePayerInfo { get; set; }
}

/// <summary>One sub-order of a combined transaction (<c>sub_orders[]</c>).</summary>
public sealed class CombineSubTransaction
{
    /// <summary>The merchant ID (<c>mchid</c>).</summary>
    public string? Mchid { get; set; }

    /// <summary>How it was paid (<c>trade_type</c>).</summary>
    public TradeType? TradeType { get; set; }

    /// <summary>The state (<c>trade_state</c>).</summary>
    public TradeState TradeState { get; set; }

    /// <summary>The payer's bank (<c>bank_type</c>).</summary>
    public string? BankType { get; set; }

    /// <summary>The merchant data (<c>attach</c>).</summary>
    public string? Attach { get; set; }

    /// <summary>When it was paid (<c>success_time</c>).</summary>
    public DateTimeOffset? SuccessTime { get; set; }

    /// <summary>WeChat Pay's order number (<c>transaction_id</c>).</summary>
    public string? TransactionId { get; set; }

    /// <summary>The sub-order number (<c>out_trade_no</c>).</summary>
    public string OutTradeNo { get; set; } = "";

    /// <summary>The sub-merchant (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The sub-merchant's app ID (<c>sub_appid</c>).</summary>
    public string? SubAppid { get; set; }

    /// <summary>The payer's openid under <c>sub_appid</c> (<c>sub_openid</c>).</summary>
    public string? SubOpenid { get; set; }

    /// <summary>The amounts (<c>amount</c>).</summary>
    public CombineTransactionAmount? Amount { get; set; }

    /// <summary>Discounts applied (<c>promotion_detail</c>).</summary>
    public List<PromotionDetail>? PromotionDetail { get; set; }
}

/// <summary>A sub-order's amounts (<c>amount</c>), in fen.</summary>
public sealed class CombineTransactionAmount
{
    /// <summary>The total, in fen (<c>total_amount</c>).</summary>
    public long TotalAmount { get; set; }

    /// <summary>What the payer paid, in fen (<c>payer_amount</c>).</summary>
    public long? PayerAmount { get; set; }

    /// <summary>The currency (<c>currency</c>).</summary>
    public string? Currency { get; set; }

    /// <summary>The payer's currency (<c>payer_currency</c>).</summary>
    public string? PayerCurrency { get; set; }

    /// <summary>The exchange rate times 10^8, for foreign currencies (<c>settlement_rate</c>).</summary>
    public long? SettlementRate { get; set; }
}
