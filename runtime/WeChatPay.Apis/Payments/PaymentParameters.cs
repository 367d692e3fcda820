using System.Globalization;
using System.Text;

namespace WeChatPay.Apis.Payments;

/// <summary>
/// Builds the front-end payment parameters (调起支付) from a <c>prepay_id</c>, signed with the client's merchant key:
/// SHA256withRSA, or SM2 with SM3 in ShangMi mode. Each call draws a fresh nonce.
/// </summary>
public static class PaymentParameters
{
    /// <summary>The parameters of a JSAPI or mini-program payment, timestamped now.</summary>
    /// <param name="client">The client whose merchant key signs.</param>
    /// <param name="appId">The app ID the order was made for.</param>
    /// <param name="prepayId">The <c>prepay_id</c> of the order.</param>
    public static JsapiPaymentParameters ForJsapi(WeChatPayClient client, string appId, string prepayId)
        => ForJsapi(client, appId, prepayId, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Nonce.Create());

    /// <summary>The parameters of a JSAPI or mini-program payment with an explicit timestamp and nonce (for tests).</summary>
    public static JsapiPaymentParameters ForJsapi(WeChatPayClient client, string appId, string prepayId, long timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(client);
        CheckLine(appId, nameof(appId));
        CheckLine(prepayId, nameof(prepayId));
        CheckLine(nonce, nameof(nonce));
        var timeStamp = timestamp.ToString(CultureInfo.InvariantCulture);
        var package = "prepay_id=" + prepayId;
        return new JsapiPaymentParameters
        {
            AppId = appId,
            TimeStamp = timeStamp,
            NonceStr = nonce,
            Package = package,
            SignType = client.Scheme == SignatureScheme.ShangMi ? "SM2" : "RSA",
            PaySign = Sign(client, appId, timeStamp, nonce, package),
        };
    }

    /// <summary>The parameters of an APP payment, timestamped now.</summary>
    /// <param name="client">The client whose merchant key signs.</param>
    /// <param name="appId">The app ID the order was made for.</param>
    /// <param name="prepayId">The <c>prepay_id</c> of the order.</param>
    /// <param name="partnerId">The merchant ID to name; the client's own by default.</param>
    public static AppPaymentParameters ForApp(WeChatPayClient client, string appId, string prepayId, string? partnerId = null)
        => ForApp(client, appId, prepayId, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Nonce.Create(), partnerId);

    /// <summary>The parameters of an APP payment with an explicit timestamp and nonce (for tests).</summary>
    public static AppPaymentParameters ForApp(WeChatPayClient client, string appId, string prepayId, long timestamp, string nonce, string? partnerId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        CheckLine(appId, nameof(appId));
        CheckLine(prepayId, nameof(prepayId));
        CheckLine(nonce, nameof(nonce));
        var timeStamp = timestamp.ToString(CultureInfo.InvariantCulture);
        return new AppPaymentParameters
        {
            AppId = appId,
            PartnerId = partnerId ?? client.MerchantId,
            PrepayId = prepayId,
            Package = "Sign=WXPay",
            NonceStr = nonce,
            TimeStamp = timeStamp,
            Sign = Sign(client, appId, timeStamp, nonce, prepayId),
        };
    }

    // Four lines, each ending in \n: appId, timestamp, nonce, then package (JSAPI) or prepay ID (APP).
    private static string Sign(WeChatPayClient client, string appId, string timeStamp, string nonce, string last)
        => client.SignWithMerchantKey(Encoding.UTF8.GetBytes(appId + "\n" + timeStamp + "\n" + nonce + "\n" + last + "\n"));

    // A value with a line break would shift the signed lines; an empty one is a caller's mistake.
    private static void CheckLine(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.AsSpan().IndexOfAny('\n', '\r') >= 0)
            throw new ArgumentException($"{name} must not contain a line break.", name);
    }
}
