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

/// <summary>One receiver's share of a <see cref="SharingOrder"/>.</summary>
internal sealed class Share
{
    public required string Type { get; init; }
    public required string Account { get; init; }
    public required long Amount { get; init; }
    public required string Description { get; init; }
    public required string DetailId { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public string Result { get; set; } = "PENDING";
    public DateTimeOffset? FinishTime { get; set; }
    public long Returned { get; set; }
}

/// <summary>A receiver added with 添加分账接收方.</summary>
internal sealed record SharingReceiver(string Type, string Account, string? Name, string RelationType, string? CustomRelation);

/// <summary>A return (分账回退), final when made: the sandbox's receivers always have the balance.</summary>
internal sealed record SharingReturn(SharingOrder Order, string OutReturnNo, string ReturnId, string ReturnMchId, long Amount, string Description, DateTimeOffset Time)
{
    public byte[] ToJson() => SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        if (Order.SubMchId is not null)
            w.WriteString("sub_mchid", Order.SubMchId);
        w.WriteString("order_id", Order.OrderId);
        w.WriteString("out_order_no", Order.OutOrderNo);
        w.WriteString("out_return_no", OutReturnNo);
        w.WriteString("return_id", ReturnId);
        w.WriteString("return_mchid", ReturnMchId);
        w.WriteNumber("amount", Amount);
        w.WriteString("description", Description);
        w.WriteString("result", "SUCCESS");
        w.WriteString("create_time", SandboxJson.Time(Time));
        w.WriteString("finish_time", SandboxJson.Time(Time));
        w.WriteEndObject();
    });
}
