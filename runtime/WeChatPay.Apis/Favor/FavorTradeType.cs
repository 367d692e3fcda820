using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Favor;

/// <summary>A way of paying that a stock may be limited to (<c>trade_type</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<FavorTradeType>))]
public readonly record struct FavorTradeType(string Value) : IWireValue<FavorTradeType>
{
    /// <summary><c>MICROAPP</c>: a mini program.</summary>
    public static FavorTradeType MicroApp { get; } = new("MICROAPP");

    /// <summary><c>APPPAY</c>: an app.</summary>
    public static FavorTradeType AppPay { get; } = new("APPPAY");

    /// <summary><c>PPAY</c>: the payment code (付款码).</summary>
    public static FavorTradeType PaymentCode { get; } = new("PPAY");

    /// <summary><c>CARD</c>: a card.</summary>
    public static FavorTradeType Card { get; } = new("CARD");

    /// <summary><c>FACE</c>: face payment.</summary>
    public static FavorTradeType Face { get; } = new("FACE");

    /// <summary><c>OTHER</c>: any other way.</summary>
    public static FavorTradeType Other { get; } = new("OTHER");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "MICROAPP" or "APPPAY" or "PPAY" or "CARD" or "FACE" or "OTHER";

    static FavorTradeType IWireValue<FavorTradeType>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
