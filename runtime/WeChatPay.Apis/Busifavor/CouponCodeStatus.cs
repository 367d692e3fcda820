using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Busifavor;

/// <summary>A pre-stored code's status (<c>code_status</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<CouponCodeStatus>))]
public readonly record struct CouponCodeStatus(string Value) : IWireValue<CouponCodeStatus>
{
    /// <summary><c>AVAILABLE</c>: not handed out yet.</summary>
    public static CouponCodeStatus Available { get; } = new("AVAILABLE");

    /// <summary><c>DISPATCHED</c>: handed to a user.</summary>
    public static CouponCodeStatus Dispatched { get; } = new("DISPATCHED");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "AVAILABLE" or "DISPATCHED";

    static CouponCodeStatus IWireValue<CouponCodeStatus>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
