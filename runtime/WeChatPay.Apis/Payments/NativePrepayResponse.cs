namespace WeChatPay.Apis.Payments;

/// <summary>The answer to a Native order: the QR code's content, <c>weixin://wxpay/bizpayurl?pr=…</c> (<c>code_url</c>).</summary>
public sealed class NativePrepayResponse
{
    /// <summary>The text to render as a QR code (<c>code_url</c>).</summary>
    public string CodeUrl { get; set; } = "";
}
