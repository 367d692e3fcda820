using System.Text.Json;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Payments;

/// <summary>One refund of a paid order. Mutated only under the ledger's lock; PROCESSING settles to SUCCESS (or ABNORMAL, CLOSED).</summary>
internal sealed class PaymentRefund
{
    public required PaymentOrder Order { get; init; }
    public required string RefundId { get; init; }
    public required string OutRefundNo { get; init; }
    public required long Amount { get; init; }
    public string? Reason { get; init; }
    public Uri? NotifyUrl { get; init; }
    public string? FundsAccount { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string Fingerprint { get; init; }

    public string Status { get; set; } = "PROCESSING";
    public DateTimeOffset? SuccessTime { get; set; }
    public string UserReceivedAccount { get; set; } = "支付用户零钱";
    /// <summary>Bumped by every settlement, so that a settlement timer of an earlier state does nothing.</summary>
    public int Generation { get; set; }

    public byte[] ToJson() => SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("refund_id", RefundId);
        w.WriteString("out_refund_no", OutRefundNo);
        w.WriteString("transaction_id", Order.TransactionId);
        w.WriteString("out_trade_no", Order.OutTradeNo);
        w.WriteString("channel", "ORIGINAL");
        w.WriteString("user_received_account", UserReceivedAccount);
        if (SuccessTime is { } success)
            w.WriteString("success_time", SandboxJson.Time(success));
        w.WriteString("create_time", SandboxJson.Time(CreateTime));
        w.WriteString("status", Status);
        w.WriteString("funds_account", FundsAccount ?? "AVAILABLE");
        w.WriteStartObject("amount");
        w.WriteNumber("total", Order.Total);
        w.WriteNumber("refund", Amount);
        w.WriteStartArray("from");
        w.WriteEndArray();
        w.WriteNumber("payer_total", Order.PayerTotal);
        w.WriteNumber("payer_refund", Amount);
        w.WriteNumber("settlement_refund", Amount);
        w.WriteNumber("settlement_total", Order.Total);
        w.WriteNumber("discount_refund", 0);
        w.WriteString("currency", Order.Currency);
        w.WriteNumber("refund_fee", 0);
        w.WriteEndObject();
        w.WriteStartArray("promotion_detail");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The decrypted <c>resource</c> of a REFUND.* notification.</summary>
    public byte[] ToNotificationJson() => SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        if (Order.Form == OrderForm.Partner)
        {
            w.WriteString("sp_mchid", Order.Owner.MerchantId);
            w.WriteString("sub_mchid", Order.SubMchId);
        }
        else
        {
            w.WriteString("mchid", Order.OrderMchId ?? Order.Owner.MerchantId);
        }
        w.WriteString("out_trade_no", Order.OutTradeNo);
        w.WriteString("transaction_id", Order.TransactionId);
        w.WriteString("out_refund_no", OutRefundNo);
        w.WriteString("refund_id", RefundId);
        w.WriteString("refund_status", Status);
        if (SuccessTime is { } success)
            w.WriteString("success_time", SandboxJson.Time(success));
        w.WriteString("user_received_account", UserReceivedAccount);
        w.WriteStartObject("amount");
        w.WriteNumber("total", Order.Total);
        w.WriteNumber("refund", Amount);
        w.WriteNumber("payer_total", Order.PayerTotal);
        w.WriteNumber("payer_refund", Amount);
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
