using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Refunds;

/// <summary>Where a refund goes (<c>channel</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire, for example <c>SUCCESS</c>.</param>
[JsonConverter(typeof(WireValueConverter<RefundChannel>))]
public readonly record struct RefundChannel(string Value) : IWireValue<RefundChannel>
{
    /// <summary><c>ORIGINAL</c>: back the way it was paid.</summary>
    public static RefundChannel Original { get; } = new("ORIGINAL");

    /// <summary><c>BALANCE</c>: to the user's balance.</summary>
    public static RefundChannel Balance { get; } = new("BALANCE");

    /// <summary><c>OTHER_BALANCE</c>: to another balance, the original account being unavailable.</summary>
    public static RefundChannel OtherBalance { get; } = new("OTHER_BALANCE");

    /// <summary><c>OTHER_BANKCARD</c>: to another bank card, the original being unavailable.</summary>
    public static RefundChannel OtherBankcard { get; } = new("OTHER_BANKCARD");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "ORIGINAL" or "BALANCE" or "OTHER_BALANCE" or "OTHER_BANKCARD";

    static RefundChannel IWireValue<RefundChannel>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
