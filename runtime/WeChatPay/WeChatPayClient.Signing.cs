namespace WeChatPay;

public sealed partial class WeChatPayClient
{
    /// <summary>
    /// Signs <paramref name="message"/> with the merchant private key, as the front-end payment parameters need
    /// (<c>paySign</c>, <c>sign</c>): SHA256withRSA, or SM2 with SM3 in ShangMi mode. Returns the base64 signature.
    /// </summary>
    /// <param name="message">The exact bytes to sign, for example <c>appId\ntimeStamp\nnonceStr\npackage\n</c>.</param>
    public string SignWithMerchantKey(ReadOnlySpan<byte> message) => _merchantKey.Sign(message);
}
