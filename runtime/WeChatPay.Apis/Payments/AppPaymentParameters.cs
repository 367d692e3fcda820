using System.Text.Json.Serialization;

namespace WeChatPay.Apis.Payments;

/// <summary>
/// What an app hands to the WeChat SDK (<c>PayReq</c>) to pay, serialized with the names it expects. Made by
/// <see cref="PaymentParameters.ForApp(WeChatPayClient, string, string, string?)"/>.
/// </summary>
public sealed class AppPaymentParameters
{
    /// <summary>The app ID the order was made for (<c>appid</c>).</summary>
    [JsonPropertyName("appid")]
    public required string AppId { get; init; }

    /// <summary>The merchant ID (<c>partnerid</c>).</summary>
    [JsonPropertyName("partnerid")]
    public required string PartnerId { get; init; }

    /// <summary>The prepay ID (<c>prepayid</c>).</summary>
    [JsonPropertyName("prepayid")]
    public required string PrepayId { get; init; }

    /// <summary>Always <c>Sign=WXPay</c> (<c>package</c>).</summary>
    [JsonPropertyName("package")]
    public required string Package { get; init; }

    /// <summary>A fresh random string (<c>noncestr</c>).</summary>
    [JsonPropertyName("noncestr")]
    public required string NonceStr { get; init; }

    /// <summary>Unix seconds, as text (<c>timestamp</c>).</summary>
    [JsonPropertyName("timestamp")]
    public required string TimeStamp { get; init; }

    /// <summary>The merchant's signature over <c>appid\ntimestamp\nnoncestr\nprepayid\n</c> (<c>sign</c>).</summary>
    [JsonPropertyName("sign")]
    public required string Sign { get; init; }
}
