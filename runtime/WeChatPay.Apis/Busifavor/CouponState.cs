using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Busifavor;

/// <summary>A user's coupon's state (<c>coupon_state</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<CouponState>))]
public readonly record struct CouponState(string Value) : IWireValue<CouponState>
{
    /// <summary><c>SENDED</c>: received and usable (WeChat Pay's spelling).</summary>
    public static CouponState Sent { get; } = new("SENDED");

    /// <summary><c>USED</c>: used.</summary>
    public static CouponState Used { get; } = new("USED");

    /// <summary><c>EXPIRED</c>: past its validity.</summary>
    public static CouponState Expired { get; } = new("EXPIRED");

    /// <summary><c>DELETED</c>: deleted by the user.</summary>
    public static CouponState Deleted { get; } = new("DELETED");

    /// <summary><c>DEACTIVATED</c>: deactivated by the merchant.</summary>
    public static CouponState Deactivated { get; } = new("DEACTIVATED");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "SENDED" or "USED" or "EXPIRED" or "DELETED" or "DEACTIVATED";

    static CouponState IWireValue<CouponState>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
