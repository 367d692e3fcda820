namespace WeChatPay.Apis.Refunds;

/// <summary>
/// The body of 发起异常退款: where an <c>ABNORMAL</c> refund goes instead. <see cref="BankAccount"/> and
/// <see cref="RealName"/> are encrypted with the platform key before sending.
/// </summary>
public sealed class AbnormalRefundRequest
{
    /// <summary>The sub-merchant, for a service provider (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The merchant's refund number (<c>out_refund_no</c>).</summary>
    public required string OutRefundNo { get; set; }

    /// <summary><c>USER_BANK_CARD</c> or <c>MERCHANT_BANK_CARD</c> (<c>type</c>).</summary>
    public required string Type { get; set; }

    /// <summary>The bank, for <c>USER_BANK_CARD</c> (<c>bank_type</c>).</summary>
    public string? BankType { get; set; }

    /// <summary>The card number, for <c>USER_BANK_CARD</c>; sent encrypted (<c>bank_account</c>).</summary>
    [Sensitive]
    public string? BankAccount { get; set; }

    /// <summary>The card holder's name, for <c>USER_BANK_CARD</c>; sent encrypted (<c>real_name</c>).</summary>
    [Sensitive]
    public string? RealName { get; set; }
}
