namespace WeChatPay.Apis.Payments;

/// <summary>The answer to a JSAPI or APP order: the prepay ID, valid for two hours (<c>prepay_id</c>).</summary>
public sealed class PrepayResponse
{
    /// <summary>The prepay ID the front end pays with (<c>prepay_id</c>).</summary>
    public string PrepayId { get; set; } = "";
}

/// <summary>The answer to an H5 order: the page that starts the payment, valid for five minutes (<c>h5_url</c>).</summary>
public sealed class H5PrepayResponse
{
    /// <summary>The payment page (<c>h5_url</c>).</summary>
    public string H5Url { get; set; } = "";
}

/// <summary>The answer to a Native order: the QR code's content, <c>weixin://wxpay/bizpayurl?pr=…</c> (<c>code_url</c>).</summary>
public sealed class NativePrepayResponse
{
    /// <summary>The text to render as a QR code (<c>code_url</c>).</summary>
    public string CodeUrl { get; set; } = "";
}
