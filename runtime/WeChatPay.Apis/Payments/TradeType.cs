using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Payments;

/// <summary>How a transaction was paid (<c>trade_type</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire, for example <c>SUCCESS</c>.</param>
[JsonConverter(typeof(WireValueConverter<TradeType>))]
public readonly record struct TradeType(string Value) : IWireValue<TradeType>
{
    /// <summary><c>JSAPI</c>: JSAPI or mini-program.</summary>
    public static TradeType Jsapi { get; } = new("JSAPI");

    /// <summary><c>NATIVE</c>: a QR code.</summary>
    public static TradeType Native { get; } = new("NATIVE");

    /// <summary><c>APP</c>: an app.</summary>
    public static TradeType App { get; } = new("APP");

    /// <summary><c>MICROPAY</c>: a payment code (付款码).</summary>
    public static TradeType Micropay { get; } = new("MICROPAY");

    /// <summary><c>MWEB</c>: H5 in a mobile browser.</summary>
    public static TradeType Mweb { get; } = new("MWEB");

    /// <summary><c>FACEPAY</c>: face payment.</summary>
    public static TradeType Facepay { get; } = new("FACEPAY");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "JSAPI" or "NATIVE" or "APP" or "MICROPAY" or "MWEB" or "FACEPAY";

    static TradeType IWireValue<TradeType>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
