using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Busifavor;

/// <summary>The kind of 商家券 (<c>stock_type</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<StockType>))]
public readonly record struct StockType(string Value) : IWireValue<StockType>
{
    /// <summary><c>NORMAL</c>: a fixed amount off (满减券).</summary>
    public static StockType Normal { get; } = new("NORMAL");

    /// <summary><c>DISCOUNT</c>: a percentage off (折扣券).</summary>
    public static StockType Discount { get; } = new("DISCOUNT");

    /// <summary><c>EXCHANGE</c>: goods for a fixed price (换购券).</summary>
    public static StockType Exchange { get; } = new("EXCHANGE");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "NORMAL" or "DISCOUNT" or "EXCHANGE";

    static StockType IWireValue<StockType>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
