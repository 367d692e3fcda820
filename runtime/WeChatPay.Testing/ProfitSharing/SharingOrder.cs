using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.ProfitSharing;

/// <summary>A profit-sharing order and its shares; changed only under the family's lock.</summary>
internal sealed class SharingOrder
{
    public required string? SubMchId { get; init; }
    public required string TransactionId { get; init; }
    public required string OutOrderNo { get; init; }
    public required string OrderId { get; init; }
    public required List<Share> Shares { get; init; }
    public string State { get; set; } = "PROCESSING";

    /// <summary>A share PENDING at creation is SUCCESS from the next query on, and the order FINISHED.</summary>
    public void Settle(DateTimeOffset now)
    {
        foreach (var share in Shares.Where(s => s.Result == "PENDING"))
        {
            share.Result = "SUCCESS";
            share.FinishTime = now;
        }
        State = "FINISHED";
    }

    public byte[] ToJson() => SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        if (SubMchId is not null)
            w.WriteString("sub_mchid", SubMchId);
        w.WriteString("transaction_id", TransactionId);
        w.WriteString("out_order_no", OutOrderNo);
        w.WriteString("order_id", OrderId);
        w.WriteString("state", State);
        w.WriteStartArray("receivers");
        foreach (var share in Shares)
        {
            w.WriteStartObject();
            w.WriteNumber("amount", share.Amount);
            w.WriteString("description", share.Description);
            w.WriteString("type", share.Type);
            w.WriteString("account", share.Account);
            w.WriteString("result", share.Result);
            w.WriteString("detail_id", share.DetailId);
            w.WriteString("create_time", SandboxJson.Time(share.CreateTime));
            if (share.FinishTime is { } finished)
                w.WriteString("finish_time", SandboxJson.Time(finished));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
