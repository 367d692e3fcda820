namespace WeChatPay.Apis.Payments;

/// <summary>An order's goods (<c>detail</c>), used for single-item discounts.</summary>
public sealed class OrderDetail
{
    /// <summary>The original price of the whole order, in fen (<c>cost_price</c>).</summary>
    public long? CostPrice { get; set; }

    /// <summary>The merchant's receipt number (<c>invoice_id</c>).</summary>
    public string? InvoiceId { get; set; }

    /// <summary>The goods (<c>goods_detail</c>).</summary>
    public List<GoodsDetail>? GoodsDetail { get; set; }
}

/// <summary>One kind of goods in an order (<c>goods_detail[]</c>).</summary>
public sealed class GoodsDetail
{
    /// <summary>The merchant's goods ID (<c>merchant_goods_id</c>).</summary>
    public required string MerchantGoodsId { get; set; }

    /// <summary>WeChat Pay's goods ID (<c>wechatpay_goods_id</c>).</summary>
    public string? WechatpayGoodsId { get; set; }

    /// <summary>The goods' name (<c>goods_name</c>).</summary>
    public string? GoodsName { get; set; }

    /// <summary>How many (<c>quantity</c>).</summary>
    public required int Quantity { get; set; }

    /// <summary>The unit price, in fen (<c>unit_price</c>).</summary>
    public required long UnitPrice { get; set; }
}
