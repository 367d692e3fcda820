using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Busifavor;

/// <summary>A stock's state (<c>stock_state</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<StockState>))]
public readonly record struct StockState(string Value) : IWireValue<StockState>
{
    /// <summary><c>UNAUDIT</c>: awaiting review.</summary>
    public static StockState Unaudit { get; } = new("UNAUDIT");

    /// <summary><c>RUNNING</c>: issuing.</summary>
    public static StockState Running { get; } = new("RUNNING");

    /// <summary><c>STOPED</c>: stopped (WeChat Pay's spelling).</summary>
    public static StockState Stopped { get; } = new("STOPED");

    /// <summary><c>PAUSED</c>: paused.</summary>
    public static StockState Paused { get; } = new("PAUSED");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "UNAUDIT" or "RUNNING" or "STOPED" or "PAUSED";

    static StockState IWireValue<StockState>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
