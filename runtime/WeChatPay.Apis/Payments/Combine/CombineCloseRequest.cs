namespace WeChatPay.Apis.Payments.Combine;

/// <summary>The body of closing a combined order (合单关闭订单): all its sub-orders are named.</summary>
public sealed class CombineCloseRequest
{
    /// <summary>The combining merchant's app ID (<c>combine_appid</c>).</summary>
    public required string CombineAppid { get; set; }

    /// <summary>The sub-orders to close (<c>sub_orders</c>).</summary>
    public required List<CombineCloseSubOrder> SubOrders { get; set; }
}

/// <summary>A sub-order to close (<c>sub_orders[]</c>).</summary>
public sealed class CombineCloseSubOrder
{
    /// <summary>The merchant ID (<c>mchid</c>).</summary>
    public required string Mchid { get; set; }

    /// <summary>The sub-order number (<c>out_trade_no</c>).</summary>
    public required string OutTradeNo { get; set; }

    /// <summary>The sub-merchant (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The sub-merchant's app ID (<c>sub_appid</c>).</summary>
    public string? SubAppid { get; set; }
}
