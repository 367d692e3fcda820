using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Complaints;

/// <summary>A complaint's stage (<c>complaint_state</c>). Values this version does not know are kept; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire, for example <c>PENDING</c>.</param>
[JsonConverter(typeof(WireValueConverter<ComplaintState>))]
public readonly record struct ComplaintState(string Value) : IWireValue<ComplaintState>
{
    /// <summary><c>PENDING</c>: waiting for the merchant.</summary>
    public static ComplaintState Pending { get; } = new("PENDING");

    /// <summary><c>PROCESSING</c>: the merchant has answered and is handling it.</summary>
    public static ComplaintState Processing { get; } = new("PROCESSING");

    /// <summary><c>PROCESSED</c>: the merchant reported it handled.</summary>
    public static ComplaintState Processed { get; } = new("PROCESSED");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "PENDING" or "PROCESSING" or "PROCESSED";

    static ComplaintState IWireValue<ComplaintState>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
