namespace WeChatPay.Apis.Refunds;

/// <summary>A refund as WeChat Pay answers it (退款申请, 查询单笔退款, 发起异常退款).</summary>
public sealed class Refund
{
    /// <summary>WeChat Pay's refund number (<c>refund_id</c>).</summary>
    public string RefundId { get; set; } = "";

    /// <summary>The merchant's refund number (<c>out_refund_no</c>).</summary>
    public string OutRefundNo { get; set; } = "";

    /// <summary>WeChat Pay's order number (<c>transaction_id</c>).</summary>
    public string? TransactionId { get; set; }

    /// <summary>The merchant's order number (<c>out_trade_no</c>).</summary>
    public string? OutTradeNo { get; set; }

    /// <summary>Where the refund goes (<c>channel</c>).</summary>
    public RefundChannel? Channel { get; set; }

    /// <summary>The account credited, for example <c>招商银行信用卡0403</c> (<c>user_received_account</c>).</summary>
    public string? UserReceivedAccount { get; set; }

    /// <summary>When it succeeded (<c>success_time</c>).</summary>
    public DateTimeOffset? SuccessTime { get; set; }

    /// <summary>When it was made (<c>create_time</c>).</summary>
    public DateTimeOffset? CreateTime { get; set; }

    /// <summary>The status (<c>status</c>).</summary>
    public RefundStatus Status { get; set; }

    /// <summary>The account it is paid from (<c>funds_account</c>).</summary>
    public FundsAccount? FundsAccount { get; set; }

    /// <summary>The amounts (<c>amount</c>).</summary>
    public RefundAmount? Amount { get; set; }

    /// <summary>Discounts refunded (<c>promotion_detail</c>).</summary>
    public List<RefundPromotion>? PromotionDetail { get; set; }
}

/// <summary>A refund's amounts (<c>amount</c>), in fen.</summary>
public sealed class RefundAmount
{
    /// <summary>The order total (<c>total</c>).</summary>
    public long Total { get; set; }

    /// <summary>The refund (<c>refund</c>).</summary>
    public long Refund { get; set; }

    /// <summary>The accounts it was taken from (<c>from</c>).</summary>
    public List<RefundFundsFrom>? From { get; set; }

    /// <summary>What the payer paid (<c>payer_total</c>).</summary>
    public long? PayerTotal { get; set; }

    /// <summary>What the payer gets back (<c>payer_refund</c>).</summary>
    public long? PayerRefund { get; set; }

    /// <summary>The refund less unfunded discounts (<c>settlement_refund</c>).</summary>
    public long? SettlementRefund { get; set; }

    /// <summary>The order total less unfunded discounts (<c>settlement_total</c>).</summary>
    public long? SettlementTotal { get; set; }

    /// <summary>The discounts refunded (<c>discount_refund</c>).</summary>
    public long? DiscountRefund { get; set; }

    /// <summary>The currency (<c>currency</c>).</summary>
    public string? Currency { get; set; }

    /// <summary>The handling fee refunded (<c>refund_fee</c>).</summary>
    public long? RefundFee { get; set; }
}

/// <summary>A discount refunded (<c>promotion_detail[]</c>).</summary>
public sealed class RefundPromotion
{
    /// <summary>The coupon ID (<c>promotion_id</c>).</summary>
    public string PromotionId { get; set; } = "";

    /// <summary><c>GLOBAL</c> or <c>SINGLE</c> (<c>scope</c>).</summary>
    public string? Scope { get; set; }

    /// <summary><c>COUPON</c> (funded) or <c>DISCOUNT</c> (unfunded) (<c>type</c>).</summary>
    public string? Type { get; set; }

    /// <summary>The discount, in fen (<c>amount</c>).</summary>
    public long Amount { get; set; }

    /// <summary>The discount refunded, in fen (<c>refund_amount</c>).</summary>
    public long RefundAmount { get; set; }

    /// <summary>The goods (<c>goods_detail</c>).</summary>
    public List<RefundGoodsDetail>? GoodsDetail { get; set; }
}
