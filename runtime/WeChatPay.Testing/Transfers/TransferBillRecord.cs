using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Transfers;

/// <summary>One transfer bill the sandbox keeps; changed only under the family's lock.</summary>
internal sealed class TransferBillRecord
{
    public required SandboxMerchant Owner { get; init; }
    public required string OutBillNo { get; init; }
    public required string TransferBillNo { get; init; }
    public required string AppId { get; init; }
    public required string OpenId { get; init; }
    public string? UserName { get; init; }
    public required long Amount { get; init; }
    public required string Remark { get; init; }
    public Uri? NotifyUrl { get; init; }
    public required string Fingerprint { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string PackageInfo { get; init; }
    public string State { get; set; } = "WAIT_USER_CONFIRM";
    public string? FailReason { get; set; }
    public DateTimeOffset UpdateTime { get; set; }
    public DateTimeOffset? ReceiptTime { get; set; }

    /// <summary>The bill as the queries and the notification show it; the payee's name encrypted to the merchant.</summary>
    public byte[] ToJson(bool forNotification = false) => SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("mch_id", Owner.MerchantId);
        w.WriteString("out_bill_no", OutBillNo);
        w.WriteString("transfer_bill_no", TransferBillNo);
        if (!forNotification)
            w.WriteString("appid", AppId);
        w.WriteString("state", State);
        w.WriteNumber("transfer_amount", Amount);
        if (!forNotification)
            w.WriteString("transfer_remark", Remark);
        if (FailReason is not null)
            w.WriteString("fail_reason", FailReason);
        w.WriteString("openid", OpenId);
        if (UserName is not null && !forNotification)
            w.WriteString("user_name", SensitiveFields.EncryptFor(Owner, UserName));
        w.WriteString("create_time", SandboxJson.Time(CreateTime));
        w.WriteString("update_time", SandboxJson.Time(UpdateTime));
        w.WriteEndObject();
    });
}
