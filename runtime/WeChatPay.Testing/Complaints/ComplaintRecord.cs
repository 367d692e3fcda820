using System.Text.Json;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Complaints;

/// <summary>A complaint as the sandbox keeps it; changed only under the complaints API's lock.</summary>
internal sealed class ComplaintRecord
{
    public required SandboxMerchant Owner { get; init; }
    public required string ComplaintId { get; init; }
    public required string ComplaintedMchId { get; init; }
    public required DateTimeOffset ComplaintTime { get; init; }
    public required string Detail { get; init; }
    public required string PayerPhone { get; init; }
    public required string PayerOpenId { get; init; }
    public required string TransactionId { get; init; }
    public required string OutTradeNo { get; init; }
    public required long Amount { get; init; }
    public required string ProblemType { get; init; }
    public long? ApplyRefundAmount { get; init; }
    public string State { get; set; } = "PENDING";
    public string? RefundDecision { get; set; }
    public List<ComplaintLogEntry> History { get; } = [];

    /// <summary>The complaint as 查询投诉单详情 answers it, <c>payer_phone</c> encrypted to the merchant's public key.</summary>
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("complaint_id", ComplaintId);
        w.WriteString("complaint_time", SandboxJson.Time(ComplaintTime));
        w.WriteString("complaint_detail", Detail);
        w.WriteString("complainted_mchid", ComplaintedMchId);
        w.WriteString("complaint_state", State);
        w.WriteString("payer_phone", SensitiveFields.EncryptFor(Owner, PayerPhone));
        w.WriteString("payer_openid", PayerOpenId);
        w.WriteStartArray("complaint_order_info");
        w.WriteStartObject();
        w.WriteString("transaction_id", TransactionId);
        w.WriteString("out_trade_no", OutTradeNo);
        w.WriteNumber("amount", Amount);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("complaint_media_list");
        w.WriteEndArray();
        w.WriteBoolean("complaint_full_refunded", false);
        w.WriteBoolean("incoming_user_response", false);
        w.WriteNumber("user_complaint_times", 1);
        w.WriteString("problem_description", Detail);
        w.WriteString("problem_type", ProblemType);
        if (ApplyRefundAmount is { } refund)
            w.WriteNumber("apply_refund_amount", refund);
        w.WriteStartArray("user_tag_list");
        w.WriteEndArray();
        w.WriteBoolean("in_platform_service", false);
        w.WriteBoolean("need_immediate_service", false);
        w.WriteEndObject();
    }
}
