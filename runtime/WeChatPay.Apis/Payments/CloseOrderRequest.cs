namespace WeChatPay.Apis.Payments;

/// <summary>The body of closing a direct merchant's order (关闭订单).</summary>
public sealed class CloseOrderRequest
{
    /// <summary>The merchant ID (<c>mchid</c>).</summary>
    public required string Mchid { get; set; }
}
