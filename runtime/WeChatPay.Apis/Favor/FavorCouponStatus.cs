using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Favor;

/// <summary>A user's 代金券 state (<c>status</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<FavorCouponStatus>))]
public readonly record struct FavorCouponStatus(string Value) : IWireValue<FavorCouponStatus>
{
    /// <summary><c>SENDED</c>: received and usable (WeChat Pay's spelling).</summary>
    public static FavorCouponStatus Sent { get; } = new("SENDED");

    /// <summary><c>USED</c>: used in a payment (已实扣).</summary>
    public static FavorCouponStatus Used { get; } = new("USED");

    /// <summary><c>EXPIRED</c>: past its validity.</summary>
    public static FavorCouponStatus Expired { get; } = new("EXPIRED");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "SENDED" or "USED" or "EXPIRED";

    static FavorCouponStatus IWireValue<FavorCouponStatus>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
