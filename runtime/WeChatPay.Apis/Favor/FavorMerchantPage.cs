namespace WeChatPay.Apis.Favor;

/// <summary>A page of 查询代金券可用商户: merchant numbers.</summary>
public sealed class FavorMerchantPage
{
    /// <summary>Every merchant where the stock's coupons may be used (<c>total_count</c>).</summary>
    public long TotalCount { get; set; }

    /// <summary>The merchant numbers on this page (<c>data</c>).</summary>
    public List<string>? Data { get; set; }

    /// <summary>The page index (<c>offset</c>).</summary>
    public long Offset { get; set; }

    /// <summary>The page size (<c>limit</c>).</summary>
    public long Limit { get; set; }

    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";
}
