using System.Text.Json;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Favor;

/// <summary>A 代金券 stock in the sandbox: its definition, its state and what it has sent. Guarded by the API's lock.</summary>
internal sealed class FavorStockRecord
{
    public required string StockId { get; init; }
    public required SandboxMerchant Creator { get; init; }
    public required string OutRequestNo { get; init; }
    public required string StockName { get; init; }
    public string? Comment { get; init; }
    public required string BelongMerchant { get; init; }
    public required DateTimeOffset AvailableBegin { get; init; }
    public required DateTimeOffset AvailableEnd { get; init; }
    public required long MaxCoupons { get; init; }
    public required long MaxAmount { get; init; }
    public long? MaxAmountByDay { get; init; }
    public required long MaxCouponsPerUser { get; init; }
    public required long CouponAmount { get; init; }
    public required long TransactionMinimum { get; init; }
    public required bool NoCash { get; init; }
    public string? Description { get; init; }
    public bool SecondDayAvailable { get; init; }
    public long? MinutesAfterReceive { get; init; }
    public JsonElement? GoodsTag { get; init; }
    public JsonElement? TradeType { get; init; }
    public bool? CombineUse { get; init; }
    public required List<string> AvailableMerchants { get; init; }
    public required List<string> AvailableItems { get; init; }
    public required DateTimeOffset CreateTime { get; init; }

    /// <summary>unactivated → running (start) ⇄ paused (pause, restart); stoped is computed once the end has passed.</summary>
    public string State { get; set; } = "unactivated";
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? PauseTime { get; set; }
    public DateTimeOffset? RestartTime { get; set; }
    public List<FavorCouponRecord> Coupons { get; } = [];

    /// <summary>Each use, in order: the rows of 下载批次核销明细.</summary>
    public List<FlowEntry> UseFlow { get; } = [];

    /// <summary>Each refund of a used coupon's order, in order: the rows of 下载批次退款明细.</summary>
    public List<FlowEntry> RefundFlow { get; } = [];

    /// <summary>One use or refund of a coupon within a payment.</summary>
    public sealed record FlowEntry(string CouponId, DateTimeOffset Time, string MerchantId, string TransactionId, long OrderTotal);

    /// <summary>The state as the query shows it at <paramref name="now"/>: a started stock past its end is <c>stoped</c>.</summary>
    public string StatusAt(DateTimeOffset now) => State != "unactivated" && now > AvailableEnd ? "stoped" : State;

    public byte[] ToJson(DateTimeOffset now) => SandboxJson.Write(w => Write(w, now));

    public void Write(Utf8JsonWriter w, DateTimeOffset now)
    {
        w.WriteStartObject();
        w.WriteString("stock_id", StockId);
        w.WriteString("stock_creator_mchid", Creator.MerchantId);
        w.WriteString("stock_name", StockName);
        w.WriteString("status", StatusAt(now));
        w.WriteString("create_time", SandboxJson.Time(CreateTime));
        w.WriteString("description", Description ?? "");
        w.WriteStartObject("stock_use_rule");
        w.WriteNumber("max_coupons", MaxCoupons);
        w.WriteNumber("max_amount", MaxAmount);
        if (MaxAmountByDay is { } byDay)
            w.WriteNumber("max_amount_by_day", byDay);
        w.WriteStartObject("fixed_normal_coupon");
        w.WriteNumber("coupon_amount", CouponAmount);
        w.WriteNumber("transaction_minimum", TransactionMinimum);
        w.WriteEndObject();
        w.WriteNumber("max_coupons_per_user", MaxCouponsPerUser);
        w.WriteString("coupon_type", "NORMAL");
        if (GoodsTag is { } tags)
        {
            w.WritePropertyName("goods_tag");
            tags.WriteTo(w);
        }
        if (TradeType is { } tradeType)
        {
            w.WritePropertyName("trade_type");
            tradeType.WriteTo(w);
        }
        if (CombineUse is { } combine)
            w.WriteBoolean("combine_use", combine);
        w.WriteEndObject();
        w.WriteString("available_begin_time", SandboxJson.Time(AvailableBegin));
        w.WriteString("available_end_time", SandboxJson.Time(AvailableEnd));
        w.WriteNumber("distributed_coupons", Coupons.Count);
        w.WriteBoolean("no_cash", NoCash);
        if (StartTime is { } start)
            w.WriteString("start_time", SandboxJson.Time(start));
        if (StatusAt(now) == "stoped")
            w.WriteString("stop_time", SandboxJson.Time(AvailableEnd));
        w.WriteBoolean("singleitem", AvailableItems.Count > 0);
        w.WriteString("stock_type", "NORMAL");
        w.WriteEndObject();
    }
}
