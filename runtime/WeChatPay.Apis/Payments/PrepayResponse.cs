namespace WeChatPay.Apis.Payments;

/// <summary>The answer to a JSAPI or APP order: the prepay ID, valid for two hours (<c>prepay_id</c>).</summary>
public sealed class PrepayResponse
{
    /// <summary>The prepay ID the front end pays with (<c>prepay_id</c>).</summary>
    public string PrepayId { get; set; } = "";
}
