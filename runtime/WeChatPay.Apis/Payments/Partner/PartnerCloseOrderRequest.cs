namespace WeChatPay.Apis.Payments.Partner;

/// <summary>The body of closing a sub-merchant's order (服务商关闭订单).</summary>
public sealed class PartnerCloseOrderRequest
{
    /// <summary>The service provider's merchant ID (<c>sp_mchid</c>).</summary>
    public required string SpMchid { get; set; }

    /// <summary>The sub-merchant's merchant ID (<c>sub_mchid</c>).</summary>
    public required string SubMchid { get; set; }
}
