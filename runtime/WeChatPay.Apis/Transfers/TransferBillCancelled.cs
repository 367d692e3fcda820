namespace WeChatPay.Apis.Transfers;

/// <summary>The answer to 撤销转账.</summary>
public sealed class TransferBillCancelled
{
    /// <summary>The merchant's bill number (<c>out_bill_no</c>).</summary>
    public string OutBillNo { get; set; } = "";

    /// <summary>WeChat Pay's bill number (<c>transfer_bill_no</c>).</summary>
    public string TransferBillNo { get; set; } = "";

    /// <summary>CANCELING or CANCELLED (<c>state</c>).</summary>
    public TransferBillState State { get; set; }

    /// <summary>When the state last changed (<c>update_time</c>).</summary>
    public DateTimeOffset UpdateTime { get; set; }
}
