namespace WeChatPay.Apis.Busifavor;

/// <summary>
/// 营销补差回退: after the payment was refunded, the payee gives back part or all of a subsidy. The returns of one
/// pay receipt add up to at most its amount.
/// </summary>
public sealed class SubsidyReturnRequest
{
    /// <summary>The stock, a 满减券 or 折扣券 one (<c>stock_id</c>).</summary>
    public required string StockId { get; set; }

    /// <summary>The coupon (<c>coupon_code</c>).</summary>
    public required string CouponCode { get; set; }

    /// <summary>The payment the subsidy was paid for (<c>transaction_id</c>).</summary>
    public required string TransactionId { get; set; }

    /// <summary>The refund of that payment (<c>refund_id</c>).</summary>
    public required string RefundId { get; set; }

    /// <summary>The pay receipt's payer, who gets the money back (<c>payer_merchant</c>).</summary>
    public required string PayerMerchant { get; set; }

    /// <summary>The pay receipt's payee, who gives it back (<c>payee_merchant</c>).</summary>
    public required string PayeeMerchant { get; set; }

    /// <summary>This return, in fen (<c>amount</c>).</summary>
    public required long Amount { get; set; }

    /// <summary>Why, at most 1024 characters; queries echo it (<c>description</c>).</summary>
    public required string Description { get; set; }

    /// <summary>
    /// The merchant's return number, at most 128 letters, digits or <c>| _ * -</c>; the same number answers the
    /// same receipt (<c>out_subsidy_return_no</c>).
    /// </summary>
    public required string OutSubsidyReturnNo { get; set; }
}
