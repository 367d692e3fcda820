using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.ProfitSharing;

/// <summary>A profit-sharing code (<c>type</c>). Values this version does not know are kept; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<ReceiverType>))]
public readonly record struct ReceiverType(string Value) : IWireValue<ReceiverType>
{
    /// <summary><c>MERCHANT_ID</c>: a merchant, by mchid.</summary>
    public static ReceiverType MerchantId { get; } = new("MERCHANT_ID");

    /// <summary><c>PERSONAL_OPENID</c>: a person, by the merchant AppID's openid.</summary>
    public static ReceiverType PersonalOpenid { get; } = new("PERSONAL_OPENID");

    /// <summary><c>PERSONAL_SUB_OPENID</c>: a person, by the sub-merchant AppID's openid.</summary>
    public static ReceiverType PersonalSubOpenid { get; } = new("PERSONAL_SUB_OPENID");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "MERCHANT_ID" or "PERSONAL_OPENID" or "PERSONAL_SUB_OPENID";

    static ReceiverType IWireValue<ReceiverType>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
