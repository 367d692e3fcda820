using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.ProfitSharing;

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
