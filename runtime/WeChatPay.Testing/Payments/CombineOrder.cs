using System.Text.Json;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Payments;

/// <summary>A combined order (合单): one payment over up to 50 sub-orders, which all share its state.</summary>
internal sealed class CombineOrder
{
    public required SandboxMerchant Owner { get; init; }
    public required string CombineAppId { get; init; }
    public required string CombineOutTradeNo { get; init; }
    public required string TradeType { get; init; }
    public required Uri NotifyUrl { get; init; }
    public string? OpenId { get; set; }
    public string? DeviceId { get; init; }
    public required string Fingerprint { get; init; }
    public required string PrepayId { get; init; }
    public List<PaymentOrder> SubOrders { get; } = [];

    public string TradeState => SubOrders[0].TradeState;

    public byte[] ToJson() => SandboxJson.Write(Write);

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("combine_appid", CombineAppId);
        w.WriteString("combine_mchid", Owner.MerchantId);
        w.WriteString("combine_out_trade_no", CombineOutTradeNo);
        if (DeviceId is not null)
        {
            w.WriteStartObject("scene_info");
            w.WriteString("device_id", DeviceId);
            w.WriteEndObject();
        }
        w.WriteStartArray("sub_orders");
        foreach (var order in SubOrders)
            order.WriteAsSubOrder(w);
        w.WriteEndArray();
        if (OpenId is not null)
        {
            w.WriteStartObject("combine_payer_info");
            w.WriteString("openid", OpenId);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
