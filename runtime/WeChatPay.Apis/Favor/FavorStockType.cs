using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Favor;

/// <summary>A 代金券 stock's kind (<c>stock_type</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<FavorStockType>))]
public readonly record struct FavorStockType(string Value) : IWireValue<FavorStockType>
{
    /// <summary><c>NORMAL</c>: a cash coupon stock (代金券批次); the only kind the create API makes.</summary>
    public static FavorStockType Normal { get; } = new("NORMAL");

    /// <summary><c>DISCOUNT_CUT</c>: instant discount (立减与折扣).</summary>
    public static FavorStockType DiscountCut { get; } = new("DISCOUNT_CUT");

    /// <summary><c>OTHER</c>: any other kind.</summary>
    public static FavorStockType Other { get; } = new("OTHER");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "NORMAL" or "DISCOUNT_CUT" or "OTHER";

    static FavorStockType IWireValue<FavorStockType>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
