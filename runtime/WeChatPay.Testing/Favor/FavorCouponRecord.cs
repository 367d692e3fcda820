using System.Text.Json;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Favor;

/// <summary>A 代金券 sent to a user: its window, and its use and refunds once they happen. Guarded by the API's lock.</summary>
internal sealed class FavorCouponRecord
{
    public required string CouponId { get; init; }
    public required FavorStockRecord Stock { get; init; }
    public required SandboxMerchant Sender { get; init; }
    public required string OpenId { get; init; }
    public required string AppId { get; init; }
    public required string OutRequestNo { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required DateTimeOffset AvailableBegin { get; init; }
    public required DateTimeOffset AvailableEnd { get; init; }

    public DateTimeOffset? ConsumeTime { get; set; }
    public string? ConsumeMchid { get; set; }
    public string? TransactionId { get; set; }

    /// <summary>SENDED, USED, or EXPIRED once its window has passed unused.</summary>
    public string StatusAt(DateTimeOffset now) => ConsumeTime is not null ? "USED" : now > AvailableEnd ? "EXPIRED" : "SENDED";

    public byte[] ToJson(DateTimeOffset now) => SandboxJson.Write(w => Write(w, now));

    public void Write(Utf8JsonWriter w, DateTimeOffset now)
    {
        w.WriteStartObject();
        w.WriteString("stock_creator_mchid", Stock.Creator.MerchantId);
        w.WriteString("stock_id", Stock.StockId);
        w.WriteString("coupon_id", CouponId);
        w.WriteString("coupon_name", Stock.StockName);
        w.WriteString("status", StatusAt(now));
        w.WriteString("description", Stock.Description ?? "");
        w.WriteString("create_time", SandboxJson.Time(CreateTime));
        w.WriteString("coupon_type", "NORMAL");
        w.WriteBoolean("no_cash", Stock.NoCash);
        w.WriteString("available_begin_time", SandboxJson.Time(AvailableBegin));
        w.WriteString("available_end_time", SandboxJson.Time(AvailableEnd));
        w.WriteBoolean("singleitem", Stock.AvailableItems.Count > 0);
        w.WriteStartObject("normal_coupon_information");
        w.WriteNumber("coupon_amount", Stock.CouponAmount);
        w.WriteNumber("transaction_minimum", Stock.TransactionMinimum);
        w.WriteEndObject();
        if (ConsumeTime is { } consumed)
        {
            w.WriteStartObject("consume_information");
            w.WriteString("consume_time", SandboxJson.Time(consumed));
            w.WriteString("consume_mchid", ConsumeMchid);
            w.WriteString("transaction_id", TransactionId);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
