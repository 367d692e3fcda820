namespace WeChatPay.Apis.Payments;

/// <summary>The answer to an H5 order: the page that starts the payment, valid for five minutes (<c>h5_url</c>).</summary>
public sealed class H5PrepayResponse
{
    /// <summary>The payment page (<c>h5_url</c>).</summary>
    public string H5Url { get; set; } = "";
}
