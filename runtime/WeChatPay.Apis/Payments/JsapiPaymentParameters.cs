using System.Text.Json.Serialization;

namespace WeChatPay.Apis.Payments;

/// <summary>
/// What a JSAPI page (<c>WeixinJSBridge getBrandWCPayRequest</c>) or a mini-program (<c>wx.requestPayment</c>) pays with,
/// serialized with the names they expect. Made by <see cref="PaymentParameters.ForJsapi(WeChatPayClient, string, string)"/>.
/// </summary>
public sealed class JsapiPaymentParameters
{
    /// <summary>The app ID the order was made for (<c>appId</c>).</summary>
    [JsonPropertyName("appId")]
    public required string AppId { get; init; }

    /// <summary>Unix seconds, as text (<c>timeStamp</c>).</summary>
    [JsonPropertyName("timeStamp")]
    public required string TimeStamp { get; init; }

    /// <summary>A fresh random string (<c>nonceStr</c>).</summary>
    [JsonPropertyName("nonceStr")]
    public required string NonceStr { get; init; }

    /// <summary><c>prepay_id=…</c> (<c>package</c>).</summary>
    [JsonPropertyName("package")]
    public required string Package { get; init; }

    /// <summary><c>RSA</c>, or <c>SM2</c> in ShangMi mode (<c>signType</c>).</summary>
    [JsonPropertyName("signType")]
    public required string SignType { get; init; }

    /// <summary>The merchant's signature over <c>appId\ntimeStamp\nnonceStr\npackage\n</c> (<c>paySign</c>).</summary>
    [JsonPropertyName("paySign")]
    public required string PaySign { get; init; }
}
