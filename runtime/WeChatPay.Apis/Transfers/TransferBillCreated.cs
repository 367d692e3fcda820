namespace WeChatPay.Apis.Transfers;

/// <summary>The answer to 发起转账.</summary>
public sealed class TransferBillCreated
{
    /// <summary>The merchant's bill number (<c>out_bill_no</c>).</summary>
    public string OutBillNo { get; set; } = "";

    /// <summary>WeChat Pay's bill number (<c>transfer_bill_no</c>).</summary>
    public string TransferBillNo { get; set; } = "";

    /// <summary>When it was created (<c>create_time</c>).</summary>
    public DateTimeOffset CreateTime { get; set; }

    /// <summary>The state, usually WAIT_USER_CONFIRM (<c>state</c>).</summary>
    public TransferBillState State { get; set; }

    /// <summary>Why it failed, when it did (<c>fail_reason</c>).</summary>
    public string? FailReason { get; set; }

    /// <summary>What the app passes to the user's confirmation page (<c>package_info</c>).</summary>
    public string? PackageInfo { get; set; }
}
