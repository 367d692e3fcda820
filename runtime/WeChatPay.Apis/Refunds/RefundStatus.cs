using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Refunds;

/// <summary>A refund's status (<c>status</c>, <c>refund_status</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire, for example <c>SUCCESS</c>.</param>
[JsonConverter(typeof(WireValueConverter<RefundStatus>))]
public readonly record struct RefundStatus(string Value) : IWireValue<RefundStatus>
{
    /// <summary><c>SUCCESS</c>: refunded.</summary>
    public static RefundStatus Success { get; } = new("SUCCESS");

    /// <summary><c>CLOSED</c>: closed.</summary>
    public static RefundStatus Closed { get; } = new("CLOSED");

    /// <summary><c>PROCESSING</c>: in progress.</summary>
    public static RefundStatus Processing { get; } = new("PROCESSING");

    /// <summary><c>ABNORMAL</c>: failed; apply for an abnormal refund or handle it in the merchant platform.</summary>
    public static RefundStatus Abnormal { get; } = new("ABNORMAL");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "SUCCESS" or "CLOSED" or "PROCESSING" or "ABNORMAL";

    static RefundStatus IWireValue<RefundStatus>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
