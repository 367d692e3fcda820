namespace WeChatPay.Apis.Busifavor;

/// <summary>营销补差付款: the payer merchant pays the payee the subsidy of a used coupon.</summary>
public sealed class SubsidyPayRequest
{
    /// <summary>The stock (<c>stock_id</c>).</summary>
    public required string StockId { get; set; }

    /// <summary>The used coupon (<c>coupon_code</c>).</summary>
    public required string CouponCode { get; set; }

    /// <summary>The payment the coupon was used in (<c>transaction_id</c>).</summary>
    public required string TransactionId { get; set; }

    /// <summary>Who pays (<c>payer_merchant</c>).</summary>
    public required string PayerMerchant { get; set; }

    /// <summary>Who receives (<c>payee_merchant</c>).</summary>
    public required string PayeeMerchant { get; set; }

    /// <summary>The subsidy, in fen (<c>amount</c>).</summary>
    public required long Amount { get; set; }

    /// <summary>Why, at most 1024 characters; queries echo it (<c>description</c>).</summary>
    public required string Description { get; set; }

    /// <summary>The merchant's subsidy number, at most 128 letters, digits or <c>| _ * -</c>, unique per merchant (<c>out_subsidy_no</c>).</summary>
    public required string OutSubsidyNo { get; set; }
}

/// <summary>A subsidy pay receipt (营销补差付款单).</summary>
public sealed class SubsidyPayReceipt
{
    /// <summary>WeChat Pay's receipt ID (<c>subsidy_receipt_id</c>).</summary>
    public string SubsidyReceiptId { get; set; } = "";

    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>The coupon (<c>coupon_code</c>).</summary>
    public string CouponCode { get; set; } = "";

    /// <summary>The payment (<c>transaction_id</c>).</summary>
    public string TransactionId { get; set; } = "";

    /// <summary>Who pays (<c>payer_merchant</c>).</summary>
    public string PayerMerchant { get; set; } = "";

    /// <summary>Who receives (<c>payee_merchant</c>).</summary>
    public string PayeeMerchant { get; set; } = "";

    /// <summary>The subsidy, in fen (<c>amount</c>).</summary>
    public long Amount { get; set; }

    /// <summary>Why (<c>description</c>).</summary>
    public string Description { get; set; } = "";

    /// <summary>The state (<c>status</c>).</summary>
    public SubsidyReceiptStatus Status { get; set; }

    /// <summary>Why it failed, such as <c>PAY_RECEIPT_INSUFFICIENT_BALANCE</c> (<c>fail_reason</c>).</summary>
    public string? FailReason { get; set; }

    /// <summary>When it was paid (<c>success_time</c>).</summary>
    public DateTimeOffset? SuccessTime { get; set; }

    /// <summary>The merchant's subsidy number (<c>out_subsidy_no</c>).</summary>
    public string OutSubsidyNo { get; set; } = "";

    /// <summary>When it was created (<c>create_time</c>).</summary>
    public DateTimeOffset? CreateTime { get; set; }
}

/// <summary>The answer of 查询营销补差付款单列表.</summary>
public sealed class SubsidyPayReceiptList
{
    /// <summary>The receipts (<c>pay_receipt_list</c>).</summary>
    public List<SubsidyPayReceipt>? PayReceiptList { get; set; }
}
