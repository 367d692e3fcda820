using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Busifavor;

/// <summary>How a coupon is used (<c>use_method</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<CouponUseMethod>))]
public readonly record struct CouponUseMethod(string Value) : IWireValue<CouponUseMethod>
{
    /// <summary><c>OFF_LINE</c>: shown at the counter.</summary>
    public static CouponUseMethod OffLine { get; } = new("OFF_LINE");

    /// <summary><c>MINI_PROGRAMS</c>: in a mini program.</summary>
    public static CouponUseMethod MiniPrograms { get; } = new("MINI_PROGRAMS");

    /// <summary><c>PAYMENT_CODE</c>: with the payment code.</summary>
    public static CouponUseMethod PaymentCode { get; } = new("PAYMENT_CODE");

    /// <summary><c>SELF_CONSUME</c>: used by the user alone.</summary>
    public static CouponUseMethod SelfConsume { get; } = new("SELF_CONSUME");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "OFF_LINE" or "MINI_PROGRAMS" or "PAYMENT_CODE" or "SELF_CONSUME";

    static CouponUseMethod IWireValue<CouponUseMethod>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
