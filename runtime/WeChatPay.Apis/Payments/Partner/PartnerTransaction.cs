namespace WeChatPay.Apis.Payments.Partner;

/// <summary>
/// A sub-merchant's transaction as the service provider sees it: the answer to a query and the resource of a
/// service provider's <c>TRANSACTION.SUCCESS</c> notification (<c>WeChatPayApisJsonContext.Default.PartnerTransaction</c>).
/// </summary>
public sealed class PartnerTransaction
{
    /// <summary>The service provider's app ID (<c>sp_appid</c>).</summary>
    public string? SpAppid { get; set; }

    /// <summary>The service provider's merchant ID (<c>sp_mchid</c>).</summary>
    public string? SpMchid { get; set; }

    /// <summary>The sub-merchant's app ID (<c>sub_appid</c>).</summary>
    public string? SubAppid { get; set; }

    /// <summary>The sub-merchant's merchant ID (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The merchant's order number (<c>out_trade_no</c>).</summary>
    public string OutTradeNo { get; set; } = "";

    /// <summary>WeChat Pay's order number; absent before payment (<c>transaction_id</c>).</summary>
    public string? TransactionId { get; set; }

    /// <summary>How it was paid (<c>trade_type</c>).</summary>
    public TradeType? TradeType { get; set; }

    /// <summary>The state (<c>trade_state</c>).</summary>
    public TradeState TradeState { get; set; }

    /// <summary>The state described (<c>trade_state_desc</c>).</summary>
    public string? TradeStateDesc { get; set; }

    /// <summary>The payer's bank (<c>bank_type</c>).</summary>
    public string? BankType { get; set; }

    /// <summary>The merchant data given with the order (<c>attach</c>).</summary>
    public string? Attach { get; set; }

    /// <summary>When it was paid (<c>success_time</c>).</summary>
    public DateTimeOffset? SuccessTime { get; set; }

    /// <summary>The payer (<c>payer</c>).</summary>
    public PartnerPayer? Payer { get; set; }

    /// <summary>The amounts (<c>amount</c>).</summary>
    public TransactionAmount? Amount { get; set; }

    /// <summary>The scene (<c>scene_info</c>).</summary>
    public TransactionSceneInfo? SceneInfo { get; set; }

    /// <summary>Discounts applied (<c>promotion_detail</c>).</summary>
    public List<PromotionDetail>? PromotionDetail { get; set; }
}
