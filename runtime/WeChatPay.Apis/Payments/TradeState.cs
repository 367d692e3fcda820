using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Payments;

/// <summary>A transaction's state (<c>trade_state</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire, for example <c>SUCCESS</c>.</param>
[JsonConverter(typeof(WireValueConverter<TradeState>))]
public readonly record struct TradeState(string Value) : IWireValue<TradeState>
{
    /// <summary><c>SUCCESS</c>: paid.</summary>
    public static TradeState Success { get; } = new("SUCCESS");

    /// <summary><c>REFUND</c>: a refund was made (转入退款).</summary>
    public static TradeState Refund { get; } = new("REFUND");

    /// <summary><c>NOTPAY</c>: not paid yet.</summary>
    public static TradeState NotPay { get; } = new("NOTPAY");

    /// <summary><c>CLOSED</c>: closed.</summary>
    public static TradeState Closed { get; } = new("CLOSED");

    /// <summary><c>REVOKED</c>: revoked (付款码支付).</summary>
    public static TradeState Revoked { get; } = new("REVOKED");

    /// <summary><c>USERPAYING</c>: the payer is paying (付款码支付).</summary>
    public static TradeState UserPaying { get; } = new("USERPAYING");

    /// <summary><c>PAYERROR</c>: the payment failed.</summary>
    public static TradeState PayError { get; } = new("PAYERROR");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "SUCCESS" or "REFUND" or "NOTPAY" or "CLOSED" or "REVOKED" or "USERPAYING" or "PAYERROR";

    static TradeState IWireValue<TradeState>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
