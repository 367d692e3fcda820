using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Complaints;

/// <summary>The merchant's decision on a refund the user asked for (<c>action</c> of 更新退款审批结果).</summary>
/// <param name="Value">The spelling on the wire, for example <c>APPROVE</c>.</param>
[JsonConverter(typeof(WireValueConverter<RefundAction>))]
public readonly record struct RefundAction(string Value) : IWireValue<RefundAction>
{
    /// <summary><c>APPROVE</c>: the merchant will refund, within <c>launch_refund_day</c> days.</summary>
    public static RefundAction Approve { get; } = new("APPROVE");

    /// <summary><c>REJECT</c>: the merchant refuses, giving <c>reject_reason</c>.</summary>
    public static RefundAction Reject { get; } = new("REJECT");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "APPROVE" or "REJECT";

    static RefundAction IWireValue<RefundAction>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
