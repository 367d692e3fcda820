namespace WeChatPay.Apis.Busifavor;

/// <summary>A subsidy return receipt (营销补差回退单).</summary>
public sealed class SubsidyReturnReceipt
{
    /// <summary>WeChat Pay's return receipt ID, once returned (<c>subsidy_return_receipt_id</c>).</summary>
    public string? SubsidyReturnReceiptId { get; set; }

    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>The coupon (<c>coupon_code</c>).</summary>
    public string CouponCode { get; set; } = "";

    /// <summary>The payment (<c>transaction_id</c>).</summary>
    public string TransactionId { get; set; } = "";

    /// <summary>The refund (<c>refund_id</c>).</summary>
    public string RefundId { get; set; } = "";

    /// <summary>Who gets the money back (<c>payer_merchant</c>).</summary>
    public string PayerMerchant { get; set; } = "";

    /// <summary>Who gives it back (<c>payee_merchant</c>).</summary>
    public string PayeeMerchant { get; set; } = "";

    /// <summary>This return, in fen (<c>amount</c>).</summary>
    public long Amount { get; set; }

    /// <summary>Why (<c>description</c>).</summary>
    public string Description { get; set; } = "";

    /// <summary>The state (<c>status</c>).</summary>
    public SubsidyReturnReceiptStatus Status { get; set; }

    /// <summary>Why it failed, such as <c>RETURN_RECEIPT_INSUFFICIENT_BALANCE</c> (<c>fail_reason</c>).</summary>
    public string? FailReason { get; set; }

    /// <summary>When it was returned (<c>return_done_time</c>).</summary>
    public DateTimeOffset? ReturnDoneTime { get; set; }

    /// <summary>The pay receipt this returns (<c>subsidy_receipt_id</c>).</summary>
    public string SubsidyReceiptId { get; set; } = "";

    /// <summary>The merchant's return number (<c>out_subsidy_return_no</c>).</summary>
    public string OutSubsidyReturnNo { get; set; } = "";

    /// <summary>When it was created (<c>return_create_time</c>).</summary>
    public DateTimeOffset? ReturnCreateTime { get; set; }
}
