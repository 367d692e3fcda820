using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Refunds;

/// <summary>The merchant account a refund is paid from (<c>funds_account</c>, <c>from[].account</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire, for example <c>SUCCESS</c>.</param>
[JsonConverter(typeof(WireValueConverter<FundsAccount>))]
public readonly record struct FundsAccount(string Value) : IWireValue<FundsAccount>
{
    /// <summary><c>UNSETTLED</c>: unsettled funds.</summary>
    public static FundsAccount Unsettled { get; } = new("UNSETTLED");

    /// <summary><c>AVAILABLE</c>: available funds.</summary>
    public static FundsAccount Available { get; } = new("AVAILABLE");

    /// <summary><c>UNAVAILABLE</c>: unavailable funds.</summary>
    public static FundsAccount Unavailable { get; } = new("UNAVAILABLE");

    /// <summary><c>OPERATION</c>: the operation account.</summary>
    public static FundsAccount Operation { get; } = new("OPERATION");

    /// <summary><c>BASIC</c>: the basic account.</summary>
    public static FundsAccount Basic { get; } = new("BASIC");

    /// <summary><c>ECNY_BASIC</c>: the e-CNY basic account.</summary>
    public static FundsAccount EcnyBasic { get; } = new("ECNY_BASIC");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "UNSETTLED" or "AVAILABLE" or "UNAVAILABLE" or "OPERATION" or "BASIC" or "ECNY_BASIC";

    static FundsAccount IWireValue<FundsAccount>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
