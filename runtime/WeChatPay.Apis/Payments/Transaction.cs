namespace WeChatPay.Apis.Payments;

/// <summary>
/// A direct merchant's transaction: the answer to a query, and the decrypted resource of a <c>TRANSACTION.SUCCESS</c>
/// notification (<c>WeChatPayApisJsonContext.Default.Transaction</c>).
/// </summary>
public sealed class Transaction
{
    /// <summary>The app ID (<c>appid</c>).</summary>
    public string? Appid { get; set; }

    /// <summary>The merchant ID (<c>mchid</c>).</summary>
    public string? Mchid { get; set; }

    /// <summary>The merchant's order number (<c>out_trade_no</c>).</summary>
    public string OutTradeNo { get; set; } = "";

    /// <summary>WeChat Pay's order number; absent before payment (<c>transaction_id</c>).</summary>
    public string? TransactionId { get; set; }

    /// <summary>How it was paid (<c>trade_type</c>); absent before payment.</summary>
    public TradeType? TradeType { get; set; }

    /// <summary>The state (<c>trade_state</c>).</summary>
    public TradeState TradeState { get; set; }

    /// <summary>The state described (<c>trade_state_desc</c>).</summary>
    public string? TradeStateDesc { get; set; }

    /// <summary>The payer's bank, for example <c>CMC</c> (<c>bank_type</c>).</summary>
    public string? BankType { get; set; }

    /// <summary>The merchant data given with the order (<c>attach</c>).</summary>
    public string? Attach { get; set; }

    /// <summary>When it was paid (<c>success_time</c>).</summary>
    public DateTimeOffset? SuccessTime { get; set; }

    /// <summary>The payer (<c>payer</c>).</summary>
    public TransactionPayer? Payer { get; set; }

    /// <summary>The amounts (<c>amount</c>).</summary>
    public TransactionAmount? Amount { get; set; }

    /// <summary>The scene (<c>scene_info</c>).</summary>
    public TransactionSceneInfo? SceneInfo { get; set; }

    /// <summary>Discounts applied (<c>promotion_detail</c>).</summary>
    public List<PromotionDetail>? PromotionDetail { get; set; }
}

/// <summary>A transaction's payer (<c>payer</c>).</summary>
public sealed class TransactionPayer
{
    /// <summary>The payer's openid under the order's app ID (<c>openid</c>).</summary>
    public string? Openid { get; set; }
}

/// <summary>A transaction's amounts (<c>amount</c>), in fen.</summary>
public sealed class TransactionAmount
{
    /// <summary>The order total, in fen (<c>total</c>).</summary>
    public long Total { get; set; }

    /// <summary>What the payer paid, in fen, after discounts (<c>payer_total</c>).</summary>
    public long? PayerTotal { get; set; }

    /// <summary>The order's currency (<c>currency</c>).</summary>
    public string? Currency { get; set; }

    /// <summary>The payer's currency (<c>payer_currency</c>).</summary>
    public string? PayerCurrency { get; set; }
}

/// <summary>A transaction's scene (<c>scene_info</c>).</summary>
public sealed class TransactionSceneInfo
{
    /// <summary>The merchant's device number (<c>device_id</c>).</summary>
    public string? DeviceId { get; set; }
}
