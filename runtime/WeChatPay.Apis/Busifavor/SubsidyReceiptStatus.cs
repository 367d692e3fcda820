using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Busifavor;

/// <summary>A subsidy pay receipt's status (营销补差付款单) (<c>status</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<SubsidyReceiptStatus>))]
public readonly record struct SubsidyReceiptStatus(string Value) : IWireValue<SubsidyReceiptStatus>
{
    /// <summary><c>PAY_RECEIPT_ACCEPTED</c>: accepted, being paid.</summary>
    public static SubsidyReceiptStatus Accepted { get; } = new("PAY_RECEIPT_ACCEPTED");

    /// <summary><c>PAY_RECEIPT_SUCCESS</c>: paid.</summary>
    public static SubsidyReceiptStatus Success { get; } = new("PAY_RECEIPT_SUCCESS");

    /// <summary><c>PAY_RECEIPT_FAIL</c>: failed; see the fail reason.</summary>
    public static SubsidyReceiptStatus Fail { get; } = new("PAY_RECEIPT_FAIL");

    /// <summary><c>PAY_RECEIPT_RETURNING</c>: being returned.</summary>
    public static SubsidyReceiptStatus Returning { get; } = new("PAY_RECEIPT_RETURNING");

    /// <summary><c>PAY_RECEIPT_PARTIAL_RETURN</c>: partly returned.</summary>
    public static SubsidyReceiptStatus PartialReturn { get; } = new("PAY_RECEIPT_PARTIAL_RETURN");

    /// <summary><c>PAY_RECEIPT_FULL_RETURN</c>: fully returned.</summary>
    public static SubsidyReceiptStatus FullReturn { get; } = new("PAY_RECEIPT_FULL_RETURN");

    /// <summary><c>PAY_RECEIPT_UNKNOWN</c>: unknown; query again later.</summary>
    public static SubsidyReceiptStatus Unknown { get; } = new("PAY_RECEIPT_UNKNOWN");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "PAY_RECEIPT_ACCEPTED" or "PAY_RECEIPT_SUCCESS" or "PAY_RECEIPT_FAIL" or "PAY_RECEIPT_RETURNING" or "PAY_RECEIPT_PARTIAL_RETURN" or "PAY_RECEIPT_FULL_RETURN" or "PAY_RECEIPT_UNKNOWN";

    static SubsidyReceiptStatus IWireValue<SubsidyReceiptStatus>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
