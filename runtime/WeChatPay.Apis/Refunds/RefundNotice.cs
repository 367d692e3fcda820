namespace WeChatPay.Apis.Refunds;

/// <summary>
/// The decrypted resource of a <c>REFUND.SUCCESS</c>, <c>REFUND.ABNORMAL</c> or <c>REFUND.CLOSED</c> notification
/// (<c>WeChatPayApisJsonContext.Default.RefundNotice</c>).
/// </summary>
public sealed class RefundNotice
{
    /// <summary>The merchant ID, for a direct merchant (<c>mchid</c>).</summary>
    public string? Mchid { get; set; }

    /// <summary>The service provider's merchant ID (<c>sp_mchid</c>).</summary>
    public string? SpMchid { get; set; }

    /// <summary>The sub-merchant's ID (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>WeChat Pay's order number (<c>transaction_id</c>).</summary>
    public string? TransactionId { get; set; }

    /// <summary>The merchant's order number (<c>out_trade_no</c>).</summary>
    public string? OutTradeNo { get; set; }

    /// <summary>WeChat Pay's refund number (<c>refund_id</c>).</summary>
    public string RefundId { get; set; } = "";

    /// <summary>The merchant's refund number (<c>out_refund_no</c>).</summary>
    public string OutRefundNo { get; set; } = "";

    /// <summary>The refund's status (<c>refund_status</c>).</summary>
    public RefundStatus RefundStatus { get; set; }

    /// <summary>When it succeeded (<c>success_time</c>).</summary>
    public DateTimeOffset? SuccessTime { get; set; }

    /// <summary>The account credited (<c>user_received_account</c>).</summary>
    public string? UserReceivedAccount { get; set; }

    /// <summary>The amounts (<c>amount</c>).</summary>
    public RefundNoticeAmount? Amount { get; set; }
}

/// <summary>A refund notification's amounts (<c>amount</c>), in fen.</summary>
public sealed class RefundNoticeAmount
{
    /// <summary>The order total (<c>total</c>).</summary>
    public long Total { get; set; }

    /// <summary>The refund (<c>refund</c>).</summary>
    public long Refund { get; set; }

    /// <summary>What the payer paid (<c>payer_total</c>).</summary>
    public long PayerTotal { get; set; }

    /// <summary>What the payer gets back (<c>payer_refund</c>).</summary>
    public long PayerRefund { get; set; }
}
