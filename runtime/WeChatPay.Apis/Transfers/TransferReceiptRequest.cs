namespace WeChatPay.Apis.Transfers;

/// <summary>An electronic receipt request (商户单号申请电子回单).</summary>
public sealed class TransferReceiptRequest
{
    /// <summary>The merchant's bill number (<c>out_bill_no</c>).</summary>
    public required string OutBillNo { get; set; }
}
