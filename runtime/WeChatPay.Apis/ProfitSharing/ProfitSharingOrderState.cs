using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.ProfitSharing;

/// <summary>A profit-sharing code (<c>state</c>). Values this version does not know are kept; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<ProfitSharingOrderState>))]
public readonly record struct ProfitSharingOrderState(string Value) : IWireValue<ProfitSharingOrderState>
{
    /// <summary><c>PROCESSING</c>: being shared.</summary>
    public static ProfitSharingOrderState Processing { get; } = new("PROCESSING");

    /// <summary><c>FINISHED</c>: done.</summary>
    public static ProfitSharingOrderState Finished { get; } = new("FINISHED");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "PROCESSING" or "FINISHED";

    static ProfitSharingOrderState IWireValue<ProfitSharingOrderState>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
