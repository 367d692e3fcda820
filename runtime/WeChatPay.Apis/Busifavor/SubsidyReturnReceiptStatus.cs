using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Busifavor;

/// <summary>A subsidy return receipt's status (营销补差回退单) (<c>status</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<SubsidyReturnReceiptStatus>))]
public readonly record struct SubsidyReturnReceiptStatus(string Value) : IWireValue<SubsidyReturnReceiptStatus>
{
    /// <summary><c>RETURN_RECEIPT_ACCEPTED</c>: accepted, being returned.</summary>
    public static SubsidyReturnReceiptStatus Accepted { get; } = new("RETURN_RECEIPT_ACCEPTED");

    /// <summary><c>RETURN_RECEIPT_SUCCESS</c>: returned.</summary>
    public static SubsidyReturnReceiptStatus Success { get; } = new("RETURN_RECEIPT_SUCCESS");

    /// <summary><c>RETURN_RECEIPT_FAIL</c>: failed; see the fail reason.</summary>
    public static SubsidyReturnReceiptStatus Fail { get; } = new("RETURN_RECEIPT_FAIL");

    /// <summary><c>RETURN_RECEIPT_UNKNOWN</c>: unknown; query again later.</summary>
    public static SubsidyReturnReceiptStatus Unknown { get; } = new("RETURN_RECEIPT_UNKNOWN");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "RETURN_RECEIPT_ACCEPTED" or "RETURN_RECEIPT_SUCCESS" or "RETURN_RECEIPT_FAIL" or "RETURN_RECEIPT_UNKNOWN";

    static SubsidyReturnReceiptStatus IWireValue<SubsidyReturnReceiptStatus>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
