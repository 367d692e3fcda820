using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Favor;

/// <summary>A 代金券's kind (<c>coupon_type</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<FavorCouponType>))]
public readonly record struct FavorCouponType(string Value) : IWireValue<FavorCouponType>
{
    /// <summary><c>NORMAL</c>: an amount off an order over a threshold (满减券).</summary>
    public static FavorCouponType Normal { get; } = new("NORMAL");

    /// <summary><c>CUT_TO</c>: an item's price cut to a fixed price (减至券).</summary>
    public static FavorCouponType CutTo { get; } = new("CUT_TO");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "NORMAL" or "CUT_TO";

    static FavorCouponType IWireValue<FavorCouponType>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
