namespace WeChatPay.Apis.Transfers;

/// <summary>
/// A transfer bill as the queries answer it, and the resource of the MCHTRANSFER.BILL.FINISHED notification (pass
/// <c>WeChatPayApisJsonContext.Default.TransferBill</c> to <c>ParseNotificationAsync</c>).
/// </summary>
public sealed class TransferBill
{
    /// <summary>The merchant (<c>mch_id</c>).</summary>
    public string? MchId { get; set; }

    /// <summary>The merchant's bill number (<c>out_bill_no</c>).</summary>
    public string OutBillNo { get; set; } = "";

    /// <summary>WeChat Pay's bill number (<c>transfer_bill_no</c>).</summary>
    public string TransferBillNo { get; set; } = "";

    /// <summary>The AppID (<c>appid</c>).</summary>
    public string? Appid { get; set; }

    /// <summary>The state (<c>state</c>).</summary>
    public TransferBillState State { get; set; }

    /// <summary>The amount, in fen (<c>transfer_amount</c>).</summary>
    public long TransferAmount { get; set; }

    /// <summary>The remark (<c>transfer_remark</c>).</summary>
    public string? TransferRemark { get; set; }

    /// <summary>Why it failed, when it did, for example <c>ACCOUNT_FROZEN</c> (<c>fail_reason</c>).</summary>
    public string? FailReason { get; set; }

    /// <summary>The payee (<c>openid</c>).</summary>
    public string? Openid { get; set; }

    /// <summary>The payee's name, decrypted with the merchant key (<c>user_name</c>).</summary>
    [Sensitive]
    public string? UserName { get; set; }

    /// <summary>When it was created (<c>create_time</c>).</summary>
    public DateTimeOffset? CreateTime { get; set; }

    /// <summary>When the state last changed (<c>update_time</c>).</summary>
    public DateTimeOffset? UpdateTime { get; set; }
}
