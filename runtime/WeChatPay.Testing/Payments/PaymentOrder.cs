using System.Text.Json;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Payments;

/// <summary>
/// One order (or one sub-order of a combined order) and its state. Mutated only under the ledger's lock; the
/// invariant: <see cref="TransactionId"/> is set exactly when the order has been paid.
/// </summary>
internal sealed class PaymentOrder
{
    public required OrderForm Form { get; init; }
    public required SandboxMerchant Owner { get; init; }
    public required string TradeType { get; init; }
    public required string AppId { get; init; }
    public string? SubMchId { get; init; }
    public string? SubAppId { get; init; }
    /// <summary>The sub-order's own mchid, for sub-orders of a combined order.</summary>
    public string? OrderMchId { get; init; }
    public required string OutTradeNo { get; init; }
    public required string Description { get; init; }
    public string? Attach { get; init; }
    public Uri? NotifyUrl { get; init; }
    public required long Total { get; init; }
    public required string Currency { get; init; }
    public string? OpenId { get; set; }
    public string? SubOpenId { get; init; }
    public string? DeviceId { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string Fingerprint { get; init; }
    public required string PrepayId { get; init; }
    public CombineOrder? Combine { get; init; }

    public string TradeState { get; set; } = "NOTPAY";
    public string? TransactionId { get; set; }
    public DateTimeOffset? SuccessTime { get; set; }
    public string? BankType { get; set; }
    public long PayerTotal { get; set; }
    public List<PaymentRefund> Refunds { get; } = [];

    /// <summary>What refunds hold or have taken: every refund that is not CLOSED.</summary>
    public long RefundedOrPending => Refunds.Where(r => r.Status != "CLOSED").Sum(r => r.Amount);

    public bool IsPaid => TradeState is "SUCCESS" or "REFUND";

    public static string DescribeState(string state) => state switch
    {
        "SUCCESS" => "支付成功",
        "REFUND" => "转入退款",
        "NOTPAY" => "未支付",
        "CLOSED" => "已关闭",
        "USERPAYING" => "用户支付中",
        "PAYERROR" => "支付失败",
        _ => state,
    };

    /// <summary>The transaction as the query endpoints and the TRANSACTION.SUCCESS resource show it.</summary>
    public byte[] ToJson() => SandboxJson.Write(Write);

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        if (Form == OrderForm.Partner)
        {
            w.WriteString("sp_appid", AppId);
            w.WriteString("sp_mchid", Owner.MerchantId);
            if (SubAppId is not null)
                w.WriteString("sub_appid", SubAppId);
            w.WriteString("sub_mchid", SubMchId);
        }
        else
        {
            w.WriteString("appid", AppId);
            w.WriteString("mchid", OrderMchId ?? Owner.MerchantId);
        }
        w.WriteString("out_trade_no", OutTradeNo);
        if (TransactionId is not null)
            w.WriteString("transaction_id", TransactionId);
        w.WriteString("trade_type", TradeType);
        w.WriteString("trade_state", TradeState);
        w.WriteString("trade_state_desc", DescribeState(TradeState));
        if (BankType is not null)
            w.WriteString("bank_type", BankType);
        // WeChat Pay returns attach once the order is paid.
        if (Attach is not null && IsPaid)
            w.WriteString("attach", Attach);
        if (SuccessTime is { } success)
            w.WriteString("success_time", SandboxJson.Time(success));
        if (OpenId is not null || SubOpenId is not null)
        {
            w.WriteStartObject("payer");
            if (Form == OrderForm.Partner)
            {
                if (OpenId is not null)
                    w.WriteString("sp_openid", OpenId);
                if (SubOpenId is not null)
                    w.WriteString("sub_openid", SubOpenId);
            }
            else
            {
                w.WriteString("openid", OpenId);
            }
            w.WriteEndObject();
        }
        w.WriteStartObject("amount");
        w.WriteNumber("total", Total);
        if (IsPaid)
            w.WriteNumber("payer_total", PayerTotal);
        w.WriteString("currency", Currency);
        if (IsPaid)
            w.WriteString("payer_currency", Currency);
        w.WriteEndObject();
        if (DeviceId is not null)
        {
            w.WriteStartObject("scene_info");
            w.WriteString("device_id", DeviceId);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The sub-order as a combined order's query and notification list it.</summary>
    public void WriteAsSubOrder(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("mchid", OrderMchId);
        w.WriteString("trade_type", TradeType);
        w.WriteString("trade_state", TradeState);
        if (BankType is not null)
            w.WriteString("bank_type", BankType);
        w.WriteString("attach", Attach ?? "");
        if (SuccessTime is { } success)
            w.WriteString("success_time", SandboxJson.Time(success));
        if (TransactionId is not null)
            w.WriteString("transaction_id", TransactionId);
        w.WriteString("out_trade_no", OutTradeNo);
        if (SubMchId is not null)
            w.WriteString("sub_mchid", SubMchId);
        w.WriteStartObject("amount");
        w.WriteNumber("total_amount", Total);
        if (IsPaid)
            w.WriteNumber("payer_amount", PayerTotal);
        w.WriteString("currency", Currency);
        if (IsPaid)
            w.WriteString("payer_currency", Currency);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
